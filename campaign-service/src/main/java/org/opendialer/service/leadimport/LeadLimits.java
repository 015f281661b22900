package org.opendialer.service.leadimport;

import java.util.Map;

/**
 * How much of a row the {@code leads} table holds: the width of each text column, and the caps on custom
 * attributes (how many columns, how long a name and a value, how long the whole JSON object). A row that
 * goes over is rejected as {@code TOO_LONG} rather than cut short, so what is stored is what the file said.
 * Lengths count UTF-16 units, never fewer than the characters MySQL and H2 count, so a value that passes
 * here fits on every database.
 */
final class LeadLimits {

    static final Map<String, Integer> COLUMN_WIDTHS = Map.of("first_name", 128, "last_name", 128, "email", 255,
            "company", 255, "time_zone", 64, "customer_status", 64, "alt_phones", 255);

    /** More extra columns than this and the file is refused: it is not a lead list with a few attributes. */
    static final int MAX_ATTRIBUTES = 200;
    static final int MAX_ATTRIBUTE_NAME = 64;
    static final int MAX_ATTRIBUTE_VALUE = 2000;
    /** The attributes as JSON; the column (MEDIUMTEXT) holds far more, this keeps a screen pop small. */
    static final int MAX_ATTRIBUTES_JSON = 60_000;
    /** Raw text kept with a rejected row. */
    static final int MAX_RAW_TEXT = 60_000;

    private LeadLimits() {
    }

    /** Why {@code value} does not fit lead field {@code field}, or null when it does. */
    static String tooLong(String field, String value) {
        Integer width = COLUMN_WIDTHS.get(field);
        if (value == null || width == null || value.length() <= width) {
            return null;
        }
        return field + " has " + value.length() + " characters, at most " + width + " fit";
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
