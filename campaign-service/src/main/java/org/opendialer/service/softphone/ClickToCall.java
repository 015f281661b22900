package org.opendialer.service.softphone;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.dialing.CampaignRun;
import org.opendialer.service.dialing.CampaignRunner;
import org.opendialer.service.lead.LeadStore;
import org.opendialer.service.web.ConflictException;
import org.opendialer.service.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent dials a lead they chose (from the lead page or one of their callbacks) instead of waiting for the
 * dialer to hand them one. The call goes the way a previewed lead's does: placed by the agent's campaign, its
 * answer put through to this agent only. The rules the dialer keeps for its own calls still hold, and a refusal
 * says which one: the lead must belong to the agent's campaign and still be callable, its number must not be on a
 * do-not-call list, its calling window must be open in its own time zone, and no other dialer may hold it. The
 * lead's retry schedule does not hold: the agent calling it now is the point.
 */
@Component
public class ClickToCall {

    /** How long the lead is held for this instance before the call is placed (the hopper's own lease). */
    private static final Duration HOLD = Duration.ofMinutes(10);

    private final CampaignRunner runner;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ClickToCall(CampaignRunner runner, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.runner = runner;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Places the call to {@code leadId} for agent {@code agentId}, who must be logged in and ready. */
    public AttemptId dial(long agentId, long leadId) {
        CampaignRun run = runner.runOf(agentId)
                .orElseThrow(() -> new ConflictException("log in to a running campaign before dialling a lead"));
        Campaign campaign = run.campaign();
        Instant now = run.clock().now();
        Held held = transactions.execute(tx -> hold(campaign, leadId, now));
        try {
            return run.onClock(() -> run.dialer().dialLead(agentId, held.lead()));
        } catch (IllegalStateException e) {
            // the lease goes back as it was: this instance's hopper may still hold the lead
            jdbc.update("UPDATE leads SET locked_by = ?, locked_until = ? WHERE id = ? AND status <> 'DIALING'",
                    held.heldBy(), held.heldUntil(), leadId);
            throw new ConflictException(e.getMessage());
        }
    }

    /** The lead now held for this instance, and the lease it had before. */
    private record Held(DialLead lead, String heldBy, Timestamp heldUntil) {
    }

    private Held hold(Campaign campaign, long leadId, Instant now) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT campaign_id, status, phone_e164, time_zone, list_id, first_name,"
                + " last_name, company, locked_by, locked_until FROM leads WHERE id = ? FOR UPDATE", leadId);
        if (rows.isEmpty()) {
            throw new NotFoundException("lead " + leadId + " does not exist");
        }
        Map<String, Object> row = rows.get(0);
        long leadCampaign = ((Number) row.get("campaign_id")).longValue();
        if (leadCampaign != campaign.id()) {
            throw new ConflictException("lead " + leadId + " belongs to another campaign than '" + campaign.name()
                    + "', the one you are logged in to");
        }
        String status = (String) row.get("status");
        switch (status) {
            case "NEW", "RETRY", "CALLBACK" -> { }
            case "DNC" -> throw new ConflictException("lead " + leadId + " is on a do-not-call list");
            case "DIALING" -> throw new ConflictException("lead " + leadId + " is being dialled already");
            default -> throw new ConflictException("lead " + leadId + " is " + status + ": its calls are over");
        }
        String phone = (String) row.get("phone_e164");
        Integer barred = jdbc.queryForObject("SELECT COUNT(*) FROM dnc_numbers WHERE phone_e164 = ? AND scope_campaign_id IN (0, ?)",
                Integer.class, phone, campaign.id());
        if (barred != null && barred > 0) {
            throw new ConflictException(phone + " is on a do-not-call list");
        }
        String zoneId = (String) row.get("time_zone");
        ZoneId zone = zoneId == null ? campaign.reportZone() : ZoneId.of(zoneId);
        if (!campaign.window().isOpen(now, zone)) {
            throw new ConflictException("outside the lead's calling window (" + campaign.window().start() + "-"
                    + campaign.window().end() + " " + zone.getId() + " time, " + campaign.window().daysText() + ")"
                    + campaign.window().nextOpening(now, zone).map(o -> "; it opens at " + o).orElse(""));
        }
        String heldBy = (String) row.get("locked_by");
        Timestamp heldUntil = (Timestamp) row.get("locked_until");
        if (heldBy != null && !heldBy.equals(runner.instance()) && heldUntil != null && heldUntil.toInstant().isAfter(now)) {
            throw new ConflictException("lead " + leadId + " is held by dialer instance " + heldBy + " until " + heldUntil.toInstant());
        }
        jdbc.update("UPDATE leads SET locked_by = ?, locked_until = ? WHERE id = ?", runner.instance(),
                Timestamp.from(now.plus(HOLD)), leadId);
        Map<String, String> variables = new HashMap<>();
        variables.put(LeadStore.TIME_ZONE, zone.getId());
        if (row.get("list_id") != null) {
            variables.put(LeadStore.LIST_ID, row.get("list_id").toString());
        }
        put(variables, "FIRST_NAME", row.get("first_name"));
        put(variables, "LAST_NAME", row.get("last_name"));
        put(variables, "COMPANY", row.get("company"));
        return new Held(new DialLead(leadId, new PhoneNumber(phone), null, variables), heldBy, heldUntil);
    }

    private static void put(Map<String, String> variables, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            variables.put(key, value.toString());
        }
    }
}
