package org.opendialer.service.leadimport;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a chunk's new leads with the server's own bulk loader ({@code LOAD DATA LOCAL INFILE}, streamed
 * from memory, no file) when the connection is MySQL/MariaDB with {@code allowLoadLocalInfile=true}: the
 * same rows a batch of INSERTs would write, parsed by the server at bulk speed, in the chunk's transaction.
 * Other databases (the embedded H2) keep the batched INSERT.
 */
final class BulkLeadLoad {

    static final String COLUMNS = "campaign_id, list_id, phone_e164, phone_type, alt_phones, region, time_zone, first_name, "
            + "last_name, email, company, attributes, customer_since, last_purchase, churned_at, customer_status, status, "
            + "import_job_id, import_row, created_at, updated_at";

    private BulkLeadLoad() {
    }

    /** True when {@code connection} can take {@link #load}. */
    static boolean available(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return false;
        }
        return connection.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile).getValue();
    }

    /**
     * Loads the leads; fails (and so rolls the chunk back) if the server took fewer rows than given, which
     * happens only when another import wrote one of these numbers into the campaign in the meantime.
     */
    static void load(Connection connection, long campaignId, Long listId, long importJobId, String now,
                     List<RowOutcome.LeadRow> leads) throws SQLException {
        if (leads.isEmpty()) {
            return;
        }
        ByteArrayOutputStream tsv = new ByteArrayOutputStream(leads.size() * 160);
        StringBuilder line = new StringBuilder(256);
        for (RowOutcome.LeadRow l : leads) {
            line.setLength(0);
            field(line, Long.toString(campaignId));
            field(line, listId == null ? null : listId.toString());
            field(line, l.phone());
            field(line, l.phoneType());
            field(line, l.altPhones());
            field(line, l.region());
            field(line, l.timeZone());
            field(line, l.firstName());
            field(line, l.lastName());
            field(line, l.email());
            field(line, l.company());
            field(line, l.attributesJson());
            field(line, date(l.customerSince()));
            field(line, date(l.lastPurchase()));
            field(line, date(l.churnedAt()));
            field(line, l.customerStatus());
            field(line, "NEW");
            field(line, Long.toString(importJobId));
            field(line, Long.toString(l.rowNo()));
            field(line, now);
            field(line, now);
            line.setCharAt(line.length() - 1, '\n');
            tsv.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        try (Statement statement = connection.createStatement()) {
            JdbcStatement mysql = statement.unwrap(JdbcStatement.class);
            mysql.setLocalInfileInputStream(new ByteArrayInputStream(tsv.toByteArray()));
            int loaded;
            try {
                loaded = statement.executeUpdate("LOAD DATA LOCAL INFILE 'leads.tsv' INTO TABLE leads CHARACTER SET utf8mb4 "
                    + "FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + COLUMNS + ")");
            } finally {
                mysql.setLocalInfileInputStream(null); // the driver keeps it for the connection; a pooled connection must not
            }
            refuseWarnings(statement, leads.size());
            if (loaded != leads.size()) {
                throw new SQLException("the database took " + loaded + " of " + leads.size() + " new leads: another import "
                        + "wrote some of these numbers into the campaign at the same time; restart this import");
            }
        }
    }

    /**
     * {@code LOAD DATA LOCAL} turns what an INSERT refuses (a value too long, a bad date) into warnings and
     * stores the value cut short; any warning therefore fails the chunk, which rolls back.
     */
    private static void refuseWarnings(Statement statement, int rows) throws SQLException {
        List<String> warnings = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SHOW WARNINGS LIMIT 5")) {
            while (rs.next()) {
                warnings.add(rs.getString("Message"));
            }
        }
        if (!warnings.isEmpty()) {
            throw new SQLException("the database would not store the " + rows + " new leads of this chunk as given ("
                    + String.join("; ", warnings) + "); nothing of the chunk was stored");
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** One tab-terminated field, escaped as LOAD DATA reads it; null is {@code \N}. */
    static void field(StringBuilder line, String value) {
        if (value == null) {
            line.append("\\N\t");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\0' -> line.append("\\0");
                default -> line.append(c);
            }
        }
        line.append('\t');
    }
}
