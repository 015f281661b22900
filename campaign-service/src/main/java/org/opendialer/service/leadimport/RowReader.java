package org.opendialer.service.leadimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Reads data rows (after the header) with {@link CsvRecords}. Restartable: the number of rows handed out
 * is saved in the step's execution context at every chunk commit, and a restart skips that many rows. A
 * row whose quoting is broken is handed out as unreadable (to be rejected with its raw text); only when
 * most rows are unreadable does the file fail, as it then is not the CSV it seems.
 */
final class RowReader implements ItemStreamReader<ImportRow> {

    private static final String ROWS_READ = "rows.read";
    /** Rows to read before judging whether most of them are unreadable. */
    private static final int JUDGE_AFTER = 20;

    private final SourceFile file;
    private CsvRecords records;
    private long rowsRead;
    private long readHere;
    private long unreadableHere;
    private long firstUnreadable;

    RowReader(SourceFile file) {
        this.file = file;
    }

    /** The header row of the file. */
    static List<String> header(SourceFile file) throws IOException {
        try (CsvRecords records = new CsvRecords(file.openReader(), file.delimiter())) {
            CsvRecords.Next first = records.next();
            if (first == null) {
                throw new ImportFailedException(file.path().getFileName() + ": the file has no header row");
            }
            if (first instanceof CsvRecords.Unreadable bad) {
                throw new ImportFailedException(file.path().getFileName() + ": the header row cannot be read ("
                        + bad.problem() + ")");
            }
            return ((CsvRecords.Cells) first).cells();
        }
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            records = new CsvRecords(file.openReader(), file.delimiter());
            CsvRecords.Next header = records.next();
            if (header instanceof CsvRecords.Cells cells) {
                records.expectWidth(cells.cells().size());
            }
            long skip = context.getLong(ROWS_READ, 0);
            for (long i = 0; i < skip && records.next() != null; i++) {
                // rows a committed chunk already holds
            }
            rowsRead = skip;
        } catch (IOException e) {
            throw new ItemStreamException("cannot open " + file.path(), e);
        }
    }

    @Override
    public ImportRow read() {
        try {
            for (CsvRecords.Next next = records.next(); next != null; next = records.next()) {
                rowsRead++;
                readHere++;
                if (next instanceof CsvRecords.Unreadable bad) {
                    unreadableHere++;
                    firstUnreadable = firstUnreadable == 0 ? rowsRead + 1 : firstUnreadable;
                    if (readHere >= JUDGE_AFTER) {
                        failIfMostlyUnreadable();
                    }
                    return ImportRow.unreadable(rowsRead + 1, bad.raw(), bad.problem());
                }
                List<String> cells = ((CsvRecords.Cells) next).cells();
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue; // blank line
                }
                return new ImportRow(rowsRead + 1, cells, ((CsvRecords.Cells) next).raw());
            }
            failIfMostlyUnreadable();
            return null;
        } catch (IOException | UncheckedIOException e) {
            throw new ImportFailedException(file.path().getFileName() + ": unreadable after row " + (rowsRead + 1)
                    + " (" + e.getMessage() + ")");
        }
    }

    private void failIfMostlyUnreadable() {
        if (unreadableHere * 2 > readHere) {
            throw new ImportFailedException(file.path().getFileName() + ": most rows cannot be read (" + unreadableHere
                    + " of " + readHere + " rows have broken quotes, the first is row " + firstUnreadable
                    + "); check the file's quoting, or give its delimiter with --delimiter");
        }
    }

    @Override
    public void update(ExecutionContext context) {
        savePosition(context, rowsRead);
    }

    /** How many data rows (blank ones included) have been read so far. */
    long position() {
        return rowsRead;
    }

    static void savePosition(ExecutionContext context, long rowsRead) {
        context.putLong(ROWS_READ, rowsRead);
    }

    @Override
    public void close() {
        try {
            if (records != null) {
                records.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException(e);
        }
    }
}
