package org.opendialer.service.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.LeadId;
import org.opendialer.engine.dialer.AttemptLog;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.AttemptPhase;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.service.attempt.AttemptEvents;
import org.opendialer.service.attempt.AttemptStore;
import org.opendialer.service.callback.CallbackService;
import org.opendialer.service.campaign.Campaign;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores every attempt as it happens (through the attempts' {@link AttemptStore}) and, when it ends, moves its
 * lead on by {@link RetryRules}. Opening an attempt and marking its lead {@code DIALING} is one transaction, so
 * after a crash every lead being dialled has an open attempt row naming the instance, which {@link AttemptRecovery}
 * closes.
 */
public class AttemptRecorder implements AttemptLog {

    private final Campaign campaign;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String instance;
    private final AttemptStore attempts;

    public AttemptRecorder(Campaign campaign, JdbcTemplate jdbc, TransactionTemplate transactions, String instance) {
        this(campaign, jdbc, transactions, instance, AttemptEvents.none());
    }

    public AttemptRecorder(Campaign campaign, JdbcTemplate jdbc, TransactionTemplate transactions, String instance,
                           AttemptEvents events) {
        this.campaign = campaign;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.instance = instance;
        this.attempts = new AttemptStore(jdbc, events);
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
        if (!attempts.exists(id)) {
            insert(id, campaignId, lead, placedAt);
        }
    }

    private AttemptId insert(AttemptId reserved, CampaignId campaignId, DialLead lead, Instant placedAt) {
        ZoneId zone = ZoneId.of(lead.variables().getOrDefault(LeadStore.TIME_ZONE, campaign.reportZone().getId()));
        java.sql.Date localDay = java.sql.Date.valueOf(LocalDate.ofInstant(placedAt, zone));
        Timestamp at = Timestamp.from(placedAt);
        Integer made = jdbc.queryForObject("SELECT attempt_count FROM leads WHERE id = ? FOR UPDATE", Integer.class, lead.leadId());
        AttemptId id = attempts.open(reserved, campaignId, new LeadId(lead.leadId()), lead.phone(), made + 1,
                campaign.mode().name(), instance, placedAt);
        jdbc.update("UPDATE leads SET status = 'DIALING', attempt_count = attempt_count + 1, "
                + "attempts_today = CASE WHEN attempts_day = ? THEN attempts_today + 1 ELSE 1 END, attempts_day = ?, "
                + "last_attempt_at = ?, locked_by = ?, updated_at = ? WHERE id = ?",
                localDay, localDay, at, instance, at, lead.leadId());
        CallbackService.markKept(jdbc, lead.leadId(), id.value(), placedAt);
        return id;
    }

    @Override
    public void progressed(AttemptId attempt, AttemptPhase phase, Instant at, long agentId) {
        attempts.progressed(attempt, phase, at, agentId);
    }

    @Override
    public void locatedOn(AttemptId attempt, String server, String channel, String uniqueId) {
        attempts.locatedOn(attempt, server, channel, uniqueId);
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
        if (attempts.ended(o.attemptId())) {
            return;
        }
        Integer made = jdbc.queryForObject("SELECT attempt_count FROM leads WHERE id = ? FOR UPDATE", Integer.class,
                o.lead().leadId());
        attempts.closed(o);
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
