package org.opendialer.service.leadimport;

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

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private final char delimiter;
    private final Deque<String> pushedBack = new ArrayDeque<>();
    private int expectedWidth;

    CsvRecords(Reader reader, char delimiter) {
        this.in = reader;
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
        // lines keep their terminator, so a line break inside a quoted cell is stored as the file has it
        List<String> lines = new ArrayList<>();
        lines.add(first);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        boolean fieldStart = true;
        boolean afterClosingQuote = false;
        String text = first;
        while (true) {
            int end = contentLength(text);
            for (int i = 0; i < end; i++) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c != '"') {
                        cell.append(c);
                    } else if (i + 1 < end && text.charAt(i + 1) == '"') {
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
            cell.append(text, end, text.length());
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
        String first = lines.get(0);
        return new Unreadable(first.substring(0, contentLength(first)), problem);
    }

    private static int contentLength(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The next physical line with its terminator ({@code \n}, {@code \r\n} or {@code \r}), or null at the end. */
    private String line() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pop();
        }
        StringBuilder line = null;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line == null ? null : line.toString();
                }
            }
            if (line == null) {
                line = new StringBuilder(128);
            }
            if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                if (buffer[position] == '\n') {
                    line.append('\n');
                    position++;
                }
                return line.toString();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                char terminator = buffer[position++];
                line.append(terminator);
                if (terminator == '\n') {
                    return line.toString();
                }
                // a \r: a \n may follow, in this buffer or the next
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
