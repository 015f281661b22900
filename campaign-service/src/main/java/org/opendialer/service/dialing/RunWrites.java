package org.opendialer.service.dialing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes a campaign run hands off its clock thread: the pacing log, the answer-rate memory and the AMD audit's
 * counts. What is written is taken on the clock thread; the database is reached on one worker thread per run, in
 * the order the writes were handed over, so the clock thread never waits on it. In simulated time the caller's
 * thread is the clock's and the writes land as they are handed over.
 *
 * <p>{@link #close} stores every write handed over before it and ends the worker.
 */
final class RunWrites implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunWrites.class);
    /** How long closing waits for the writes still queued: a few statements a minute, so seconds are plenty. */
    static final long CLOSE_WAIT_SECONDS = 30;

    private final ExecutorService worker;

    private RunWrites(ExecutorService worker) {
        this.worker = worker;
    }

    /** Writes on their own thread named {@code name}. */
    static RunWrites onWorker(String name) {
        return new RunWrites(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Writes on the caller's thread (simulated time). */
    static RunWrites inline() {
        return new RunWrites(null);
    }

    /** Stores {@code write} after the writes handed over before it; {@code what} names it if the database refuses it. */
    void submit(String what, Runnable write) {
        if (worker == null) {
            write.run();
            return;
        }
        worker.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                log.warn("{} not stored: {}", what, e.toString());
            }
        });
    }

    @Override
    public void close() {
        if (worker == null) {
            return;
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("{} writes still queued after {} s are dropped", worker.shutdownNow().size(), CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
