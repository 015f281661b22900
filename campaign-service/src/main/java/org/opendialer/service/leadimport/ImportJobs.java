package org.opendialer.service.leadimport;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code import_jobs} rows: progress readable from any thread or process, who owns a running import
 * and when it was last seen alive, and which imports were abandoned by an owner that is gone.
 */
final class ImportJobs {

    private final JdbcTemplate jdbc;

    ImportJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ImportSummary summary(long importJobId) {
        return jdbc.queryForObject("SELECT * FROM import_jobs WHERE id = ?", (rs, n) -> {
            Timestamp started = rs.getTimestamp("started_at");
            Timestamp ended = rs.getTimestamp("ended_at");
            double seconds = Math.max(0.001, Duration.between(started.toInstant(),
                    ended == null ? Instant.now() : ended.toInstant()).toMillis() / 1000.0);
            long read = rs.getLong("rows_read");
            return new ImportSummary(importJobId, ImportStatus.valueOf(rs.getString("status")), rs.getLong("rows_total"), read,
                    rs.getLong("rows_imported"), rs.getLong("rows_updated"), rs.getLong("rows_duplicate"),
                    rs.getLong("rows_dnc"), rs.getLong("rows_rejected"), rs.getString("message"), read / seconds);
        }, importJobId);
    }

    Map<String, Object> row(long importJobId) {
        return jdbc.queryForMap("SELECT * FROM import_jobs WHERE id = ?", importJobId);
    }

    /** This process takes the import on (new, or resumed from an owner that is gone). */
    void claim(long importJobId, Instant now) {
        jdbc.update("UPDATE import_jobs SET owner_id = ?, heartbeat_at = ?, status = 'RUNNING', message = NULL, ended_at = NULL "
                + "WHERE id = ?", ImportOwner.self().id(), Timestamp.from(now), importJobId);
    }

    void heartbeat(long importJobId, Instant now) {
        jdbc.update("UPDATE import_jobs SET heartbeat_at = ? WHERE id = ? AND owner_id = ?", Timestamp.from(now), importJobId,
                ImportOwner.self().id());
    }

    void markEnded(long importJobId, ImportStatus status, String message, Instant now) {
        jdbc.update("UPDATE import_jobs SET status = ?, message = ?, ended_at = ? WHERE id = ?", status.name(),
                LeadImporter.clipMessage(message), Timestamp.from(now), importJobId);
    }

    /** Whether an import stored as running was left by an owner that is gone. */
    static boolean abandoned(Map<String, Object> row, Instant now) {
        Object heartbeat = row.get("HEARTBEAT_AT");
        Instant seen = heartbeat instanceof Timestamp t ? t.toInstant()
                : heartbeat instanceof LocalDateTime local ? Timestamp.valueOf(local).toInstant() : null;
        return ImportOwner.gone(ImportOwner.parse((String) row.get("OWNER_ID")), seen, now);
    }

    static boolean running(Map<String, Object> row) {
        return status(row).inProgress();
    }

    static ImportStatus status(Map<String, Object> row) {
        return ImportStatus.valueOf((String) row.get("STATUS"));
    }

    /** The imports stored as running whose owner is gone. */
    List<Long> abandoned(Instant now) {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM import_jobs WHERE status IN ('STARTING', 'RUNNING') ORDER BY id")) {
            if (abandoned(row, now)) {
                ids.add(((Number) row.get("ID")).longValue());
            }
        }
        return ids;
    }
}
