package org.opendialer.service.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.dialer.AttemptLog;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.AttemptPhase;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.service.campaign.Campaign;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores every attempt as it happens in {@code call_attempts} (one row, updated as the call moves on) and,
 * when it ends, moves its lead on by {@link RetryRules}. Opening an attempt and marking its lead
 * {@code DIALING} is one transaction, so after a crash every lead being dialled has an open attempt row
 * naming the instance, which {@link AttemptRecovery} closes.
 */
public class AttemptRecorder implements AttemptLog {

    private final Campaign campaign;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String instance;

    public AttemptRecorder(Campaign campaign, JdbcTemplate jdbc, TransactionTemplate transactions, String instance) {
        this.campaign = campaign;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.instance = instance;
    }

    @Override
    public AttemptId open(CampaignId campaignId, DialLead lead, Instant placedAt) {
        return transactions.execute(tx -> insert(null, campaignId, lead, placedAt));
    }

    /**
     * Opens the attempt under the id the dialer reserved for it (see {@code DatabaseAttemptIds}); opening one that is
     * stored already changes nothing, so a replayed journal does not count the lead's attempt twice. Runs in the
     * caller's transaction.
     */
    public void open(AttemptId id, CampaignId campaignId, DialLead lead, Instant placedAt) {
        Integer there = jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE id = ?", Integer.class, id.value());
        if (there == 0) {
            insert(id, campaignId, lead, placedAt);
        }
    }

    private AttemptId insert(AttemptId reserved, CampaignId campaignId, DialLead lead, Instant placedAt) {
        ZoneId zone = ZoneId.of(lead.variables().getOrDefault(LeadStore.TIME_ZONE, campaign.reportZone().getId()));
        java.sql.Date localDay = java.sql.Date.valueOf(LocalDate.ofInstant(placedAt, zone));
        Timestamp at = Timestamp.from(placedAt);
        Integer made = jdbc.queryForObject("SELECT attempt_count FROM leads WHERE id = ? FOR UPDATE", Integer.class, lead.leadId());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        String columns = "campaign_id, lead_id, phone_e164, attempt_no, dialing_mode, state, instance_id, placed_at";
        String sql = reserved == null
                ? "INSERT INTO call_attempts (" + columns + ") VALUES (?, ?, ?, ?, ?, 'DIALING', ?, ?)"
                : "INSERT INTO call_attempts (" + columns + ", id) VALUES (?, ?, ?, ?, ?, 'DIALING', ?, ?, ?)";
        org.springframework.jdbc.core.PreparedStatementCreator statement = connection -> {
            var ps = reserved == null ? connection.prepareStatement(sql, new String[] {"id"}) : connection.prepareStatement(sql);
            ps.setLong(1, campaignId.value());
            ps.setLong(2, lead.leadId());
            ps.setString(3, lead.phone().e164());
            ps.setInt(4, made + 1);
            ps.setString(5, campaign.mode().name());
            ps.setString(6, instance);
            ps.setTimestamp(7, at);
            if (reserved != null) {
                ps.setLong(8, reserved.value());
            }
            return ps;
        };
        if (reserved == null) {
            jdbc.update(statement, keys);
        } else {
            jdbc.update(statement);
        }
        jdbc.update("UPDATE leads SET status = 'DIALING', attempt_count = attempt_count + 1, "
                + "attempts_today = CASE WHEN attempts_day = ? THEN attempts_today + 1 ELSE 1 END, attempts_day = ?, "
                + "last_attempt_at = ?, locked_by = ?, updated_at = ? WHERE id = ?",
                localDay, localDay, at, instance, at, lead.leadId());
        long id = reserved != null ? reserved.value() : keys.getKey().longValue();
        org.opendialer.service.callback.CallbackService.markKept(jdbc, lead.leadId(), id, placedAt);
        return new AttemptId(id);
    }

    @Override
    public void progressed(AttemptId attempt, AttemptPhase phase, Instant at, long agentId) {
        Timestamp ts = Timestamp.from(at);
        switch (phase) {
            case RINGING -> jdbc.update("UPDATE call_attempts SET state = 'RINGING', ringing_at = ? WHERE id = ?", ts, attempt.value());
            case WAITING_FOR_AGENT -> jdbc.update("UPDATE call_attempts SET state = 'ANSWERED', answered_at = ? WHERE id = ?",
                    ts, attempt.value());
            case CONNECTED -> jdbc.update("UPDATE call_attempts SET state = 'BRIDGED', answered_at = COALESCE(answered_at, ?), "
                    + "bridged_at = ?, agent_id = ? WHERE id = ?", ts, ts, agentId, attempt.value());
            case WITH_ROBOT -> jdbc.update("UPDATE call_attempts SET state = 'ROBOT', answered_at = ?, bridged_at = ? WHERE id = ?",
                    ts, ts, attempt.value());
            case ABANDONING -> jdbc.update("UPDATE call_attempts SET abandoned = TRUE, abandon_reason = 'NO_AGENT', "
                    + "answered_at = COALESCE(answered_at, ?) WHERE id = ?", ts, attempt.value());
            default -> {
            }
        }
    }

    @Override
    public void locatedOn(AttemptId attempt, String server, String channel, String uniqueId) {
        jdbc.update("UPDATE call_attempts SET server_name = ?, channel = ?, unique_id = ? WHERE id = ?", server, channel, uniqueId,
                attempt.value());
    }

    @Override
    public void closed(AttemptOutcome o) {
        transactions.executeWithoutResult(tx -> close(o));
    }

    /**
     * Closes the attempt and moves its lead on, in the caller's transaction; an attempt already closed (by a replayed
     * journal, or by recovery) is left as it is.
     */
    public void close(AttemptOutcome o) {
        String state = jdbc.query("SELECT state FROM call_attempts WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null,
                o.attemptId().value());
        if ("ENDED".equals(state)) {
            return;
        }
        Integer made = jdbc.queryForObject("SELECT attempt_count FROM leads WHERE id = ? FOR UPDATE", Integer.class,
                o.lead().leadId());
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
        NextStep next = RetryRules.after(campaign, o, made, o.endedAt());
        // a disposition or DNC request that arrived during the call has already decided the lead's fate
        // MySQL assigns left to right with updated values: next_attempt_at must be decided before status changes
        jdbc.update("UPDATE leads SET next_attempt_at = CASE WHEN status = 'DIALING' THEN ? ELSE next_attempt_at END, "
                        + "status = CASE WHEN status = 'DIALING' THEN ? ELSE status END, "
                        + "last_result = ?, locked_by = NULL, locked_until = NULL, updated_at = ? WHERE id = ?",
                ts(next.notBefore()), next.status().name(), o.abandoned() ? "ABANDONED" : o.result().name(),
                ts(o.endedAt()), o.lead().leadId());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
