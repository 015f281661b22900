package org.opendialer.service.leadimport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Reads data rows (after the header) with Commons CSV. Restartable: the number of rows handed out is
 * saved in the step's execution context at every chunk commit, and a restart skips that many rows.
 */
final class RowReader implements ItemStreamReader<ImportRow> {

    private static final String ROWS_READ = "rows.read";

    private final SourceFile file;
    private Reader reader;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long rowsRead;

    RowReader(SourceFile file) {
        this.file = file;
    }

    static CSVFormat format(SourceFile file) {
        return CSVFormat.DEFAULT.builder().setDelimiter(file.delimiter()).setIgnoreEmptyLines(false).get();
    }

    /** The header row of the file. */
    static List<String> header(SourceFile file) throws IOException {
        try (Reader reader = file.openReader(); CSVParser parser = CSVParser.parse(reader, format(file))) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new ImportFailedException(file.path().getFileName() + ": the file has no header row");
            }
            List<String> header = new ArrayList<>();
            it.next().forEach(header::add);
            return header;
        }
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            reader = file.openReader();
            parser = CSVParser.parse(reader, format(file));
            records = parser.iterator();
            if (records.hasNext()) {
                records.next(); // header
            }
            long skip = context.getLong(ROWS_READ, 0);
            for (long i = 0; i < skip && records.hasNext(); i++) {
                records.next();
            }
            rowsRead = skip;
        } catch (IOException e) {
            throw new ItemStreamException("cannot open " + file.path(), e);
        }
    }

    @Override
    public ImportRow read() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rowsRead++;
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue; // blank line
                }
                return new ImportRow(rowsRead + 1, cells, String.join(String.valueOf(file.delimiter()), cells));
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportFailedException(file.path().getFileName() + ": unreadable after row " + (rowsRead + 1)
                    + " (" + e.getMessage() + ")");
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
            if (parser != null) {
                parser.close();
            }
            if (reader != null) {
                reader.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException(e);
        }
    }
}
