package org.opendialer.service.dialing;

import java.sql.Timestamp;
import java.util.function.Consumer;
import org.opendialer.engine.agent.AgentStateChange;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes every agent state change of a campaign to {@code agent_state_log}: the previous state's row is
 * closed and a new one opened, so reports can sum time per state and pause reason.
 */
public class AgentStateLog implements Consumer<AgentStateChange> {

    private final JdbcTemplate jdbc;
    private final long campaignId;

    public AgentStateLog(JdbcTemplate jdbc, long campaignId) {
        this.jdbc = jdbc;
        this.campaignId = campaignId;
    }

    /** As {@link #accept}, unless this very change is stored already (a replayed journal). */
    public void acceptOnce(AgentStateChange change) {
        Integer stored = jdbc.queryForObject("SELECT COUNT(*) FROM agent_state_log WHERE agent_id = ? AND campaign_id = ? "
                + "AND state = ? AND started_at = ?", Integer.class, change.agentId(), campaignId, change.to().name(),
                Timestamp.from(change.at()));
        if (stored == 0) {
            accept(change);
        }
    }

    @Override
    public void accept(AgentStateChange change) {
        Timestamp at = Timestamp.from(change.at());
        jdbc.update("UPDATE agent_state_log SET ended_at = ? WHERE agent_id = ? AND ended_at IS NULL", at, change.agentId());
        jdbc.update("INSERT INTO agent_state_log (agent_id, campaign_id, state, reason, attempt_id, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                change.agentId(), campaignId, change.to().name(), change.reason(),
                change.attempt() == null ? null : change.attempt().value(), at);
    }
}
