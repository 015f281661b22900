package org.opendialer.service.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.LeadOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leads table as the hopper sees it. Claiming is one short transaction: select callable leads with
 * {@code FOR UPDATE SKIP LOCKED} (MySQL 8, MariaDB 10.6+, H2) so that concurrent instances pass over each
 * other's rows instead of waiting, then stamp them with this instance's lease. The lease
 * ({@code locked_by}, {@code locked_until}) keeps other instances off a lead while it sits in this
 * instance's memory; a dead instance's leases simply run out.
 */
public class LeadStore {

    /** Variables every dialled lead carries to the dialplan, the robot and the screen pop. */
    public static final String TIME_ZONE = "TIME_ZONE";
    /** The lead's list, when it has one (the answer share is learnt per list). */
    public static final String LIST_ID = "LIST_ID";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public LeadStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Time zones of the campaign's leads that could still be called (null zone: the campaign's report zone). */
    public List<ZoneId> zonesWithCallableLeads(Campaign campaign) {
        List<String> ids = jdbc.queryForList("SELECT DISTINCT time_zone FROM leads WHERE campaign_id = ? AND status IN "
                + LeadStatus.CALLABLE_SQL, String.class, campaign.id());
        List<ZoneId> zones = new ArrayList<>();
        for (String id : ids) {
            zones.add(id == null ? campaign.reportZone() : ZoneId.of(id));
        }
        return zones.stream().distinct().collect(Collectors.toList());
    }

    /**
     * Claims up to {@code limit} leads callable at {@code now} whose zone is one of {@code openZones}, for
     * {@code instance} until {@code leaseUntil}: due callbacks first, then the campaign's lead order. None while
     * the campaign is not stored as running.
     */
    public List<DialLead> claim(Campaign campaign, Collection<ZoneId> openZones, String instance, Instant now,
                                Instant leaseUntil, int limit) {
        if (openZones.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder zoneClause = new StringBuilder();
        for (ZoneId zone : openZones) {
            if (zoneClause.length() > 0) {
                zoneClause.append(" OR ");
            }
            boolean reportZone = zone.equals(campaign.reportZone());
            zoneClause.append(reportZone ? "((time_zone = ? OR time_zone IS NULL)" : "(time_zone = ?")
                    .append(" AND (attempts_day IS NULL OR attempts_day <> ? OR attempts_today < ?))");
            args.add(zone.getId());
            args.add(java.sql.Date.valueOf(LocalDate.ofInstant(now, zone)));
            args.add(campaign.limits().maxAttemptsPerDay());
        }
        Timestamp at = Timestamp.from(now);
        String sql = "SELECT id, list_id, phone_e164, time_zone, first_name, last_name, company, status,"
                + " (SELECT MAX(cb.agent_id) FROM callbacks cb WHERE cb.lead_id = leads.id AND cb.status IN ('PENDING','FIRED'))"
                + " AS callback_agent FROM leads"
                + " WHERE campaign_id = ? AND status IN " + LeadStatus.CALLABLE_SQL
                + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
                + " AND (locked_until IS NULL OR locked_until < ?)"
                + " AND attempt_count < ?"
                + " AND (list_id IS NULL OR list_id IN (SELECT ll.id FROM lead_lists ll WHERE ll.active = TRUE))"
                + " AND (" + zoneClause + ")"
                + " AND NOT EXISTS (SELECT 1 FROM dnc_numbers d WHERE d.phone_e164 = leads.phone_e164"
                + " AND d.scope_campaign_id IN (0, ?))"
                + " ORDER BY CASE WHEN status = 'CALLBACK' THEN 0 ELSE 1 END, " + order(campaign.limits().leadOrder())
                + " LIMIT ? FOR UPDATE SKIP LOCKED";
        List<Object> all = new ArrayList<>(List.of(campaign.id(), at, at, campaign.limits().maxAttempts()));
        all.addAll(args);
        all.add(campaign.id());
        all.add(limit);
        return transactions.execute(tx -> {
            // a campaign paused or stopped through another instance is seen here at once: its leads are not handed out
            if (!"RUNNING".equals(jdbc.queryForObject("SELECT status FROM campaigns WHERE id = ?", String.class, campaign.id()))) {
                return List.<DialLead>of();
            }
            List<DialLead> leads = jdbc.query(sql, (rs, row) -> {
                Map<String, String> variables = new HashMap<>();
                String zone = rs.getString("time_zone");
                variables.put(TIME_ZONE, zone == null ? campaign.reportZone().getId() : zone);
                long list = rs.getLong("list_id");
                if (!rs.wasNull()) {
                    variables.put(LIST_ID, Long.toString(list));
                }
                put(variables, "FIRST_NAME", rs.getString("first_name"));
                put(variables, "LAST_NAME", rs.getString("last_name"));
                put(variables, "COMPANY", rs.getString("company"));
                long agent = rs.getLong("callback_agent");
                String skill = !rs.wasNull() && "CALLBACK".equals(rs.getString("status")) ? agentSkill(agent) : null;
                return new DialLead(rs.getLong("id"), new PhoneNumber(rs.getString("phone_e164")), skill, variables);
            }, all.toArray());
            if (!leads.isEmpty()) {
                String ids = leads.stream().map(l -> Long.toString(l.leadId())).collect(Collectors.joining(","));
                jdbc.update("UPDATE leads SET locked_by = ?, locked_until = ? WHERE id IN (" + ids + ")",
                        instance, Timestamp.from(leaseUntil));
            }
            return leads;
        });
    }

    /** The skill only agent {@code agentId} has: a callback booked for that agent is routed to them alone. */
    public static String agentSkill(long agentId) {
        return "agent:" + agentId;
    }

    private static void put(Map<String, String> variables, String key, String value) {
        if (value != null && !value.isBlank()) {
            variables.put(key, value);
        }
    }

    private static String order(LeadOrder order) {
        return switch (order) {
            case NEW_FIRST -> "CASE WHEN status = 'NEW' THEN 0 ELSE 1 END, next_attempt_at, id";
            case OLDEST_FIRST -> "created_at, id";
            case PRIORITY -> "priority DESC, id";
            case RANDOM -> "RAND()";
        };
    }

    /** Gives leads back (the hopper held them but did not dial them). */
    public void release(String instance, Collection<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return;
        }
        String ids = leadIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.update("UPDATE leads SET locked_by = NULL, locked_until = NULL WHERE locked_by = ? AND id IN (" + ids + ")", instance);
    }

    /** The lead may not be dialled before {@code notBefore} (e.g. its number was abandoned recently). */
    public void postpone(long leadId, Instant notBefore) {
        jdbc.update("UPDATE leads SET next_attempt_at = ?, status = CASE WHEN status = 'NEW' THEN 'RETRY' ELSE status END, "
                + "locked_by = NULL, locked_until = NULL WHERE id = ?", Timestamp.from(notBefore), leadId);
    }

    /** When the next retry or callback of the campaign falls due after {@code now}, if any is waiting. */
    public Optional<Instant> nextDue(Campaign campaign, Instant now) {
        Timestamp ts = jdbc.queryForObject("SELECT MIN(next_attempt_at) FROM leads WHERE campaign_id = ? AND status IN "
                + LeadStatus.CALLABLE_SQL + " AND next_attempt_at > ?", Timestamp.class, campaign.id(), Timestamp.from(now));
        return Optional.ofNullable(ts).map(Timestamp::toInstant);
    }

    /** Leads of the campaign that may still be called some day. */
    public long callableCount(long campaignId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE campaign_id = ? AND status IN " + LeadStatus.CALLABLE_SQL
                + " AND NOT EXISTS (SELECT 1 FROM dnc_numbers d WHERE d.phone_e164 = leads.phone_e164"
                + " AND d.scope_campaign_id IN (0, ?))", Long.class, campaignId, campaignId);
    }
}
