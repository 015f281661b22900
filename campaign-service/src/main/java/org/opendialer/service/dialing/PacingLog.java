package org.opendialer.service.dialing;

import java.sql.Timestamp;
import java.time.Instant;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.dialer.DialerMetrics;
import org.springframework.jdbc.core.JdbcTemplate;

/** A campaign's pacing state, one row a minute in {@code pacing_log}: the report's "dial level and abandon rate" chart. */
final class PacingLog {

    /** One minute's row, taken from the dialer's metrics on the clock thread. */
    record Row(Instant at, double dialLevel, int linesInUse, int agentsReady, int agentsBusy, double abandonRateWindow,
               double abandonRateToday) {

        static Row of(DialerMetrics m) {
            int ready = m.agentsByState().getOrDefault(AgentState.READY, 0);
            int busy = m.agentsByState().getOrDefault(AgentState.ON_CALL, 0) + m.agentsByState().getOrDefault(AgentState.WRAP_UP, 0);
            // the column holds at most 999; before the first answer the level is not a number
            double level = Math.min(999, Double.isFinite(m.dialLevel()) ? m.dialLevel() : 0);
            return new Row(m.at(), level, m.linesInUse(), ready, busy, m.abandonRateWindow(), m.abandonRateToday());
        }
    }

    private final JdbcTemplate jdbc;
    private final long campaignId;

    PacingLog(JdbcTemplate jdbc, long campaignId) {
        this.jdbc = jdbc;
        this.campaignId = campaignId;
    }

    void store(Row row) {
        jdbc.update("INSERT INTO pacing_log (campaign_id, at_time, dial_level, lines_in_use, agents_ready, agents_busy, abandon_rate, "
                        + "abandon_today) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", campaignId, Timestamp.from(row.at()), row.dialLevel(),
                row.linesInUse(), row.agentsReady(), row.agentsBusy(), row.abandonRateWindow(), row.abandonRateToday());
    }
}
