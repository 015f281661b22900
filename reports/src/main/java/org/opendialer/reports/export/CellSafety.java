package org.opendialer.reports.export;

import java.util.regex.Pattern;

/**
 * Neutralises spreadsheet formula injection. Text that a spreadsheet would run (starting with {@code = - @},
 * a tab, a carriage return, or {@code +} followed by anything but digits) is defused: in CSV and HTML by an
 * apostrophe in front, in XLSX by the cell's quote-prefix style (an XLSX text cell is never a formula, the
 * style keeps it text even when someone edits it). An E.164 phone number ({@code +} and digits only) is a
 * number, not a formula, and stays as it is; so do numbers.
 */
public final class CellSafety {

    private static final Pattern E164 = Pattern.compile("\\+[0-9]{1,15}");

    private CellSafety() {
    }

    /** True when a spreadsheet would take {@code value} for a formula. */
    public static boolean looksLikeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '+') {
            return !E164.matcher(value).matches();
        }
        return first == '=' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** {@code value} for a CSV or HTML cell: prefixed with an apostrophe when it looks like a formula. */
    public static String text(String value) {
        return looksLikeFormula(value) ? "'" + value : value;
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
