package org.opendialer.reports.stats;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Per agent over {@code [from, to)}: calls, talk, wrap and pause time (by reason), logged-in time,
 * occupancy ((talk + wrap) / logged in), dispositions, sales, and callbacks booked for the agent that were kept.
 */
public final class AgentStatistics {

    public record Row(long agentId, String username, long calls, double talkSeconds, double wrapSeconds, double pausedSeconds,
                      Map<String, Double> pauseByReason, double loggedInSeconds, double occupancy,
                      Map<String, Long> dispositions, long sales, long callbacksKept) {
    }

    private final DataSource dataSource;

    public AgentStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** As of {@code now}: a state still open (an agent logged in right now) counts only up to {@code now}. */
    public List<Row> compute(long campaignId, Instant from, Instant to, Instant now) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        List<Row> rows = new ArrayList<>();
        List<Map<String, Object>> agents = jdbc.queryForList("SELECT DISTINCT s.agent_id, u.username FROM agent_state_log s "
                + "JOIN users u ON u.id = s.agent_id WHERE s.campaign_id = ? AND s.started_at < ? AND (s.ended_at IS NULL OR s.ended_at > ?) "
                + "ORDER BY s.agent_id", campaignId, t, f);
        for (Map<String, Object> agent : agents) {
            long id = ((Number) agent.get("agent_id")).longValue();
            AgentTimes times = AgentTimes.read(dataSource, campaignId, id, from, to, now);
            long calls = jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ? AND agent_id = ? "
                    + "AND placed_at >= ? AND placed_at < ?", Long.class, campaignId, id, f, t);
            Map<String, Long> dispositions = new TreeMap<>();
            jdbc.query("SELECT disposition_code, COUNT(*) FROM call_attempts WHERE campaign_id = ? AND agent_id = ? AND placed_at >= ? "
                    + "AND placed_at < ? AND disposition_code IS NOT NULL GROUP BY disposition_code",
                    rs -> {
                        dispositions.put(rs.getString(1), rs.getLong(2));
                    }, campaignId, id, f, t);
            long sales = jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts a JOIN dispositions d ON d.code = a.disposition_code "
                    + "AND d.scope_campaign_id IN (0, a.campaign_id) AND d.is_sale = TRUE WHERE a.campaign_id = ? AND a.agent_id = ? "
                    + "AND a.placed_at >= ? AND a.placed_at < ?", Long.class, campaignId, id, f, t);
            long kept = jdbc.queryForObject("SELECT COUNT(*) FROM callbacks WHERE campaign_id = ? AND agent_id = ? AND status = 'DONE' "
                    + "AND due_at >= ? AND due_at < ?", Long.class, campaignId, id, f, t);
            double talk = times.seconds("ON_CALL");
            double wrap = times.seconds("WRAP_UP");
            double logged = times.loggedInSeconds();
            rows.add(new Row(id, (String) agent.get("username"), calls, talk, wrap, times.seconds("PAUSED"), times.pauses(), logged,
                    logged == 0 ? 0 : (talk + wrap) / logged, dispositions, sales, kept));
        }
        return rows;
    }
}
