package org.opendialer.service.leadimport;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Reads and checks rows (CSV parsing, phone normalisation: the CPU work) on a thread of its own, a little
 * ahead of the chunk being written, so the next chunk is ready when the database has stored the last one.
 * Restart state stays exact: the position saved at a commit is that of the last row handed to the chunk,
 * not of the rows read ahead, which a restart reads again.
 */
final class ReadAheadRows implements ItemStreamReader<RowOutcome> {

    /** One checked row and the reader's position after it; {@code error} ends the stream with that failure. */
    private record Next(RowOutcome outcome, long position, RuntimeException error) {
    }

    private static final Next END = new Next(null, -1, null);

    private final RowReader rows;
    private final RowToLead check;
    private final BlockingQueue<Next> ahead;
    private Thread worker;
    private long position;
    private boolean ended;

    ReadAheadRows(RowReader rows, RowToLead check, int capacity) {
        this.rows = rows;
        this.check = check;
        this.ahead = new ArrayBlockingQueue<>(Math.max(16, capacity));
    }

    @Override
    public void open(ExecutionContext context) {
        rows.open(context);
        position = rows.position();
        worker = new Thread(this::readAhead, "lead-import-read-ahead");
        worker.setDaemon(true);
        worker.start();
    }

    private void readAhead() {
        try {
            for (ImportRow row = rows.read(); row != null; row = rows.read()) {
                ahead.put(new Next(check.process(row), rows.position(), null));
            }
            ahead.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                ahead.put(new Next(null, -1, e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public RowOutcome read() {
        if (ended) {
            return null;
        }
        Next next;
        try {
            next = ahead.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException("interrupted while reading ahead", e);
        }
        if (next.error() != null) {
            ended = true;
            throw next.error();
        }
        if (next == END) {
            ended = true;
            return null;
        }
        position = next.position();
        return next.outcome();
    }

    @Override
    public void update(ExecutionContext context) {
        RowReader.savePosition(context, position);
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rows.close();
    }
}
