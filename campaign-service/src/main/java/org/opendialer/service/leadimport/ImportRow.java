package org.opendialer.service.leadimport;

import java.util.List;

/**
 * One data row of the file as read: its 1-based row number in the file (header is row 1), cells and raw
 * text; {@code unreadable} names what is wrong with a row whose quoting could not be read (no cells then).
 */
public record ImportRow(long rowNo, List<String> cells, String raw, String unreadable) {

    public ImportRow(long rowNo, List<String> cells, String raw) {
        this(rowNo, cells, raw, null);
    }

    static ImportRow unreadable(long rowNo, String raw, String problem) {
        return new ImportRow(rowNo, List.of(), raw, problem);
    }
}
