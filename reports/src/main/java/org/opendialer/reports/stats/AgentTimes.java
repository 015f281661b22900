package org.opendialer.reports.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Time agents spent in each state (and paused for each reason) from {@code agent_state_log}, clipped to
 * {@code [from, to)}. A state still open counts until {@code now} (or {@code to} when that is earlier): the time
 * after now has not happened yet, so a report whose range runs to the end of today counts no hours to come.
 */
final class AgentTimes {

    private final Map<String, Double> seconds = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();

    static AgentTimes read(DataSource dataSource, long campaignId, Long agentId, Instant from, Instant to, Instant now)
            throws SQLException {
        Instant openUntil = now.isBefore(to) ? now : to;
        AgentTimes times = new AgentTimes();
        String sql = "SELECT state, reason, started_at, ended_at FROM agent_state_log WHERE campaign_id = ? AND started_at < ? "
                + "AND (ended_at IS NULL OR ended_at > ?)" + (agentId == null ? "" : " AND agent_id = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, campaignId);
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setTimestamp(3, Timestamp.from(from));
            if (agentId != null) {
                ps.setLong(4, agentId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String state = rs.getString(1);
                    Instant start = rs.getTimestamp(3).toInstant();
                    Timestamp endTs = rs.getTimestamp(4);
                    Instant end = endTs == null ? openUntil : endTs.toInstant();
                    double s = Math.max(0, (Math.min(end.toEpochMilli(), to.toEpochMilli())
                            - Math.max(start.toEpochMilli(), from.toEpochMilli())) / 1000.0);
                    times.seconds.merge(state, s, Double::sum);
                    times.counts.merge(state, 1L, Long::sum);
                    if ("PAUSED".equals(state)) {
                        times.seconds.merge("PAUSED:" + (rs.getString(2) == null ? "unspecified" : rs.getString(2)), s, Double::sum);
                    }
                }
            }
        }
        return times;
    }

    double seconds(String state) {
        return seconds.getOrDefault(state, 0.0);
    }

    long count(String state) {
        return counts.getOrDefault(state, 0L);
    }

    double loggedInSeconds() {
        return seconds("READY") + seconds("ON_CALL") + seconds("WRAP_UP") + seconds("PAUSED");
    }

    /** Paused seconds by reason. */
    Map<String, Double> pauses() {
        Map<String, Double> pauses = new java.util.TreeMap<>();
        seconds.forEach((k, v) -> {
            if (k.startsWith("PAUSED:")) {
                pauses.put(k.substring(7), v);
            }
        });
        return pauses;
    }
}
