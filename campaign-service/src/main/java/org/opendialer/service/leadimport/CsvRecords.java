package org.opendialer.service.leadimport;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits delimited text into records as RFC 4180 reads it (a cell that starts with a quote may hold
 * delimiters, doubled quotes and line breaks; a quote inside an unquoted cell is an ordinary character),
 * but one broken record does not end the file: a record whose quoting cannot be read is handed back as
 * its first physical line, and reading goes on at the next line. A quoted cell still open after
 * {@link #MAX_CELL_LINES} lines is taken for a stray quote, not for a cell of that many lines.
 */
final class CsvRecords implements Closeable {

    /** What the next record is: its cells, or the raw line that could not be read and why. */
    sealed interface Next {
    }

    record Cells(List<String> cells, String raw) implements Next {
    }

    record Unreadable(String raw, String problem) implements Next {
    }

    static final int MAX_CELL_LINES = 1000;

    private final BufferedReader in;
    private final char delimiter;
    private final Deque<String> pushedBack = new ArrayDeque<>();
    private int expectedWidth;

    CsvRecords(Reader reader, char delimiter) {
        this.in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 1 << 16);
        this.delimiter = delimiter;
    }

    /**
     * Once the header is known: a record spanning several lines must have this many cells, else its
     * opening quote is taken for a stray one (so it cannot swallow the rows after it).
     */
    void expectWidth(int width) {
        this.expectedWidth = width;
    }

    /** The next record, or null at the end of the text. */
    Next next() throws IOException {
        String first = line();
        if (first == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add(first);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        boolean fieldStart = true;
        boolean afterClosingQuote = false;
        String text = first;
        while (true) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c != '"') {
                        cell.append(c);
                    } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                } else if (c == delimiter) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    fieldStart = true;
                    afterClosingQuote = false;
                } else if (afterClosingQuote) {
                    if (!Character.isWhitespace(c)) {
                        return unreadable(lines, "a character after a closing quote: quote the whole cell and double "
                                + "the quotes inside it");
                    }
                } else if (fieldStart && c == '"') {
                    inQuotes = true;
                    fieldStart = false;
                } else {
                    cell.append(c);
                    fieldStart = false;
                }
            }
            if (!inQuotes) {
                break;
            }
            String more = lines.size() < MAX_CELL_LINES ? line() : null;
            if (more == null) {
                return unreadable(lines, "a quote that is never closed");
            }
            lines.add(more);
            cell.append('\n');
            text = more;
        }
        cells.add(cell.toString());
        if (lines.size() > 1 && expectedWidth > 0 && cells.size() != expectedWidth) {
            return unreadable(lines, "a quote that is never closed");
        }
        return new Cells(cells, String.join(String.valueOf(delimiter), cells));
    }

    /** The first line is the unreadable record; the lines read after it are read again as records of their own. */
    private Unreadable unreadable(List<String> lines, String problem) {
        if (lines.size() > 1) {
            problem = "a quote that is never closed"; // the trouble began on the first line, not where it showed
        }
        for (int i = lines.size() - 1; i >= 1; i--) {
            pushedBack.push(lines.get(i));
        }
        return new Unreadable(lines.get(0), problem);
    }

    private String line() throws IOException {
        return pushedBack.isEmpty() ? in.readLine() : pushedBack.pop();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
