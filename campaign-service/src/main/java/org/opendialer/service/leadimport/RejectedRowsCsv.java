package org.opendialer.service.leadimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opendialer.reports.export.CellSafety;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rejected rows of an import as CSV for a spreadsheet: row, field, reason code, reason, raw text.
 * A cell the spreadsheet would run as a formula ({@code =HYPERLINK(...)}) is neutralised the way reports
 * are; an E.164 number ({@code +} and digits only) is a phone, not a formula, and stays as it is.
 */
final class RejectedRowsCsv {

    private static final Pattern PHONE = Pattern.compile("\\+\\d+");

    private RejectedRowsCsv() {
    }

    static long write(JdbcTemplate jdbc, long importJobId, Writer out) throws IOException {
        long[] count = {0};
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("row", "field", "reason_code", "reason", "raw_text").get())) {
            jdbc.query("SELECT row_no, field_name, reason_code, reason, raw_text FROM import_row_errors "
                    + "WHERE import_job_id = ? ORDER BY row_no, id", rs -> {
                        try {
                            printer.printRecord(rs.getLong(1), cell(rs.getString(2)), cell(rs.getString(3)),
                                    cell(rs.getString(4)), cell(rs.getString(5)));
                            count[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, importJobId);
        }
        return count[0];
    }

    static String cell(String value) {
        return value != null && PHONE.matcher(value).matches() ? value : CellSafety.text(value);
    }
}
