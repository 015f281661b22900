package org.opendialer.service.leadimport;

import java.util.List;

/** One data row of the file as read: its 1-based row number in the file (header is row 1), cells and raw text. */
public record ImportRow(long rowNo, List<String> cells, String raw) {
}
