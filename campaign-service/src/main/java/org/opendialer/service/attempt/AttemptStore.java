package org.opendialer.service.attempt;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.LeadId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.AttemptPhase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Writes {@code call_attempts}: one row per attempt, updated as the call moves on, and publishes each step as an
 * {@link AttemptEvent} once written. It joins the caller's transaction; the lead's side of each step (its status,
 * its next attempt) is the caller's.
 */
public class AttemptStore {

    private final JdbcTemplate jdbc;
    private final AttemptEvents events;

    public AttemptStore(JdbcTemplate jdbc, AttemptEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A new attempt, {@code DIALING} on {@code instance}. */
    public AttemptId open(CampaignId campaign, LeadId lead, PhoneNumber phone, int attemptNo, String dialingMode, String instance,
                          Instant placedAt) {
        return open(null, campaign, lead, phone, attemptNo, dialingMode, instance, placedAt);
    }

    /** A new attempt under the id the dialer reserved for it, or (with {@code reserved} null) one the database gives. */
    public AttemptId open(AttemptId reserved, CampaignId campaign, LeadId lead, PhoneNumber phone, int attemptNo,
                          String dialingMode, String instance, Instant placedAt) {
        String columns = "campaign_id, lead_id, phone_e164, attempt_no, dialing_mode, state, instance_id, placed_at";
        String sql = reserved == null
                ? "INSERT INTO call_attempts (" + columns + ") VALUES (?, ?, ?, ?, ?, 'DIALING', ?, ?)"
                : "INSERT INTO call_attempts (" + columns + ", id) VALUES (?, ?, ?, ?, ?, 'DIALING', ?, ?, ?)";
        PreparedStatementCreator statement = connection -> {
            var ps = reserved == null ? connection.prepareStatement(sql, new String[] {"id"}) : connection.prepareStatement(sql);
            ps.setLong(1, campaign.value());
            ps.setLong(2, lead.value());
            ps.setString(3, phone.e164());
            ps.setInt(4, attemptNo);
            ps.setString(5, dialingMode);
            ps.setString(6, instance);
            ps.setTimestamp(7, Timestamp.from(placedAt));
            if (reserved != null) {
                ps.setLong(8, reserved.value());
            }
            return ps;
        };
        AttemptId id;
        if (reserved == null) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(statement, keys);
            id = new AttemptId(keys.getKey().longValue());
        } else {
            jdbc.update(statement);
            id = reserved;
        }
        events.publish(new AttemptPlaced(id, campaign, lead, phone, attemptNo, placedAt));
        return id;
    }

    /** Whether the attempt is stored (a replayed journal may open one that is). */
    public boolean exists(AttemptId attempt) {
        Integer there = jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE id = ?", Integer.class, attempt.value());
        return there != null && there > 0;
    }

    /** Whether the attempt is stored as ended (by a replayed journal or by recovery). */
    public boolean ended(AttemptId attempt) {
        String state = jdbc.query("SELECT state FROM call_attempts WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null,
                attempt.value());
        return "ENDED".equals(state);
    }

    public void progressed(AttemptId attempt, AttemptPhase phase, Instant at, long agentId) {
        Timestamp ts = Timestamp.from(at);
        switch (phase) {
            case RINGING -> jdbc.update("UPDATE call_attempts SET state = 'RINGING', ringing_at = ? WHERE id = ?", ts, attempt.value());
            case WAITING_FOR_AGENT -> {
                jdbc.update("UPDATE call_attempts SET state = 'ANSWERED', answered_at = ? WHERE id = ?", ts, attempt.value());
                events.publish(new AttemptAnswered(attempt, at));
            }
            case CONNECTED -> {
                jdbc.update("UPDATE call_attempts SET state = 'BRIDGED', answered_at = COALESCE(answered_at, ?), "
                        + "bridged_at = ?, agent_id = ? WHERE id = ?", ts, ts, agentId, attempt.value());
                events.publish(new AttemptConnected(attempt, OptionalLong.of(agentId), at));
            }
            case WITH_ROBOT -> {
                jdbc.update("UPDATE call_attempts SET state = 'ROBOT', answered_at = ?, bridged_at = ? WHERE id = ?",
                        ts, ts, attempt.value());
                events.publish(new AttemptConnected(attempt, OptionalLong.empty(), at));
            }
            case ABANDONING -> jdbc.update("UPDATE call_attempts SET abandoned = TRUE, abandon_reason = 'NO_AGENT', "
                    + "answered_at = COALESCE(answered_at, ?) WHERE id = ?", ts, attempt.value());
            default -> {
            }
        }
    }

    public void locatedOn(AttemptId attempt, String server, String channel, String uniqueId) {
        jdbc.update("UPDATE call_attempts SET server_name = ?, channel = ?, unique_id = ? WHERE id = ?", server, channel, uniqueId,
                attempt.value());
    }

    public void closed(AttemptOutcome o) {
        jdbc.update("UPDATE call_attempts SET state = 'ENDED', result = ?, hangup_cause = ?, hangup_cause_text = ?, "
                        + "amd_status = ?, amd_cause = ?, agent_id = ?, server_name = ?, channel = ?, unique_id = ?, "
                        + "recording_path = ?, abandoned = ?, abandon_reason = ?, wait_ms = ?, talk_s = ?, ringing_at = ?, "
                        + "answered_at = ?, bridged_at = ?, ended_at = ? WHERE id = ?",
                o.result().name(), o.cause(), o.causeText(), o.amd() == null ? null : o.amd().name(), o.amdCause(),
                o.agentId() == 0 ? null : o.agentId(), o.server(), o.channel(), o.uniqueId(), o.recordingPath(),
                o.abandoned(), o.abandoned() ? "NO_AGENT" : null,
                o.answeredAt() == null ? null : (int) Math.round(o.waitSeconds() * 1000),
                o.bridgedAt() == null ? null : (int) Math.round(o.talkSeconds()), ts(o.ringingAt()), ts(o.answeredAt()),
                ts(o.bridgedAt()), ts(o.endedAt()), o.attemptId().value());
        events.publish(new AttemptEnded(o.attemptId(), o.result(), o.abandoned(), o.endedAt()));
    }

    /** Who an agent found on a call machine detection had called a machine and passed on for the audit. */
    public void amdAudited(AttemptId attempt, boolean person) {
        jdbc.update("UPDATE call_attempts SET amd_audit = ? WHERE id = ?", person ? "PERSON" : "MACHINE", attempt.value());
    }

    /** Records the disposition an agent or the robot gave; the first one closes the wrap-up. */
    public void disposed(AttemptId attempt, LeadId lead, String code, String notes, Instant at) {
        jdbc.update("UPDATE call_attempts SET disposition_code = ?, notes = ?, wrap_ended_at = COALESCE(wrap_ended_at, ?) "
                + "WHERE id = ?", code, notes, Timestamp.from(at), attempt.value());
        events.publish(new AttemptDisposed(attempt, lead, code, at));
    }

    // ---- recovery after a crash -------------------------------------------------------------

    /**
     * The attempts {@code instance} left open, locked until the caller's transaction ends, with their campaign's
     * retry delay for failed calls ({@code retry_failed_s}).
     */
    public List<Map<String, Object>> lockOpenOn(String instance) {
        return jdbc.queryForList("SELECT a.id, a.lead_id, a.campaign_id, a.state, a.server_name, "
                + "a.channel, a.unique_id, a.agent_id, c.retry_failed_s FROM call_attempts a "
                + "JOIN campaigns c ON c.id = a.campaign_id WHERE a.state <> 'ENDED' AND a.instance_id = ? FOR UPDATE", instance);
    }

    /** An open attempt whose call is still up is followed by {@code instance} from now on. */
    public void adoptedBy(AttemptId attempt, String instance) {
        jdbc.update("UPDATE call_attempts SET instance_id = ? WHERE id = ?", instance, attempt.value());
    }

    /** An open attempt whose call is gone ends as failed (unless it had a result) with {@code cause}. */
    public void interrupted(AttemptId attempt, String cause, Instant at) {
        jdbc.update("UPDATE call_attempts SET state = 'ENDED', result = COALESCE(result, 'FAILED'), "
                + "hangup_cause_text = ?, ended_at = ? WHERE id = ?", cause, Timestamp.from(at), attempt.value());
        events.publish(new AttemptEnded(attempt, CallResult.FAILED, false, at));
    }

    /** The channels {@code instance} leased for calls that have ended are free for every instance again. */
    public void releaseChannelsOfEndedCalls(String instance) {
        jdbc.update("DELETE FROM asterisk_channel_leases WHERE instance_id = ? AND attempt_id NOT IN "
                + "(SELECT id FROM call_attempts WHERE state <> 'ENDED')", instance);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
