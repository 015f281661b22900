package org.opendialer.reports.export;

/**
 * Neutralises spreadsheet formula injection: a text cell starting with {@code = + - @}, a tab or a carriage
 * return is prefixed with an apostrophe, so Excel and LibreOffice show it as text instead of running it.
 * Numbers are never touched (a negative number is a number, not a formula).
 */
public final class CellSafety {

    private CellSafety() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** A cell value as text for CSV/HTML: numbers as they are, everything else neutralised. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return text(value.toString());
    }
}
