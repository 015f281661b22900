package org.opendialer.service.callback;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.db.Transactions;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.opendialer.service.web.Problems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books callbacks and fires them. A booked callback puts its lead in {@code CALLBACK} status due at the
 * callee's requested local time; the hopper takes due callbacks before anything else. {@link #fire} runs
 * from a Quartz job at the due time and marks it fired (or cancelled, when the lead has meanwhile become
 * do-not-call or done); the attempt that calls it marks it done.
 */
public class CallbackService {

    private final JdbcTemplate jdbc;
    private final DialerClock clock;
    private final CallbackScheduler scheduler;
    private final TransactionTemplate tx;

    public CallbackService(JdbcTemplate jdbc, DialerClock clock, CallbackScheduler scheduler) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = scheduler;
        this.tx = Transactions.over(jdbc);
    }

    /** The latest a callback may be booked: a year ahead (a day's slack for the callee's zone). */
    public static final Duration HORIZON = Duration.ofDays(366);
    /** A time a little behind the clock ("now", as the agent typed it) is still accepted. */
    private static final Duration SLACK = Duration.ofSeconds(60);
    public static final int MAX_NOTE = 1024;

    /**
     * Checks a booking before anything is written. {@code when} is the callee's local date-time
     * ({@code 2026-12-01T15:00}) or an instant with an offset, from now to at most a year ahead; {@code agentId},
     * when given, is an agent; an agent who books ({@code bookingAgent} not null) books for themselves only.
     * Throws {@link InvalidRequestException} naming {@code timeField}, {@code agentId} or {@code note}; an unknown
     * lead is {@link NotFoundException}.
     */
    public CallbackPlan plan(long leadId, String when, String timeField, Long agentId, Long bookingAgent, String note) {
        Map.Entry<Long, String> lead = lead(leadId);
        List<FieldError> errors = new ArrayList<>();
        Instant due = due(when, timeField, ZoneId.of(lead.getValue()), errors);
        if (agentId != null) {
            agentProblem(agentId, bookingAgent).ifPresent(problem -> errors.add(new FieldError("agentId", problem)));
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new CallbackPlan(leadId, lead.getKey(), lead.getValue(), due, agentId, note);
    }

    private Instant due(String when, String field, ZoneId zone, List<FieldError> errors) {
        if (when == null || when.isBlank()) {
            errors.add(new FieldError(field, "when to call back, e.g. 2026-12-01T15:00 in the callee's local time"));
            return null;
        }
        String text = when.trim();
        Instant due;
        try {
            due = text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? OffsetDateTime.parse(text).toInstant() : LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            errors.add(new FieldError(field, Problems.quote(text) + " is not a date-time such as 2026-12-01T15:00 "
                    + "(the callee's local time) or 2026-12-01T15:00:00Z"));
            return null;
        }
        Instant now = clock.now();
        if (due.isBefore(now.minus(SLACK))) {
            errors.add(new FieldError(field, "the callback time " + due + " is in the past"));
        } else if (due.isAfter(now.plus(HORIZON))) {
            errors.add(new FieldError(field, "at most a year ahead (before " + now.plus(HORIZON) + ")"));
        }
        return due;
    }

    /** Why {@code agentId} cannot hold a callback booked by {@code bookingAgent}, if it cannot. */
    private Optional<String> agentProblem(long agentId, Long bookingAgent) {
        if (bookingAgent != null && agentId != bookingAgent) {
            return Optional.of("an agent books callbacks for themselves only");
        }
        List<String> roles = jdbc.queryForList("SELECT role FROM users WHERE id = ? AND enabled = TRUE", String.class, agentId);
        if (roles.isEmpty()) {
            return Optional.of("no agent with id " + agentId);
        }
        return "AGENT".equals(roles.get(0)) ? Optional.empty() : Optional.of("user " + agentId + " is not an agent");
    }

    /** Stores a planned callback, all or nothing: the booking, the superseded ones, the lead's status and the trigger. */
    public Callback book(CallbackPlan plan, String source, Long attemptId) {
        return tx.execute(status -> store(plan, source, attemptId));
    }

    private Callback store(CallbackPlan plan, String source, Long attemptId) {
        long leadId = plan.leadId();
        Timestamp now = Timestamp.from(clock.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO callbacks (campaign_id, lead_id, agent_id, due_at, time_zone, source, "
                    + "note, status, attempt_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)", new String[] {"id"});
            ps.setLong(1, plan.campaignId());
            ps.setLong(2, leadId);
            ps.setObject(3, plan.agentId());
            ps.setTimestamp(4, Timestamp.from(plan.due()));
            ps.setString(5, plan.timeZone());
            ps.setString(6, source);
            ps.setString(7, plan.note());
            ps.setObject(8, attemptId);
            ps.setTimestamp(9, now);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        // earlier pending callbacks of the lead are superseded by the newest booking
        jdbc.update("UPDATE callbacks SET status = 'CANCELLED' WHERE lead_id = ? AND status = 'PENDING' AND id <> ?", leadId, id);
        jdbc.update("UPDATE leads SET status = 'CALLBACK', next_attempt_at = ?, updated_at = ? WHERE id = ? "
                + "AND status NOT IN ('DNC')", Timestamp.from(plan.due()), now, leadId);
        scheduler.schedule(id, plan.due());
        return get(id);
    }

    /** The callback is due now: mark it fired, or cancel it when its lead can no longer be called. */
    public void fire(long callbackId) {
        Timestamp now = Timestamp.from(clock.now());
        Callback callback = get(callbackId);
        if (!"PENDING".equals(callback.status())) {
            return;
        }
        String leadStatus = jdbc.queryForObject("SELECT status FROM leads WHERE id = ?", String.class, callback.leadId());
        if ("DNC".equals(leadStatus) || "DONE".equals(leadStatus)) {
            jdbc.update("UPDATE callbacks SET status = 'CANCELLED', fired_at = ? WHERE id = ?", now, callbackId);
            return;
        }
        jdbc.update("UPDATE callbacks SET status = 'FIRED', fired_at = ? WHERE id = ? AND status = 'PENDING'", now, callbackId);
        jdbc.update("UPDATE leads SET status = 'CALLBACK', next_attempt_at = ? WHERE id = ? AND status IN ('NEW','RETRY','CALLBACK','EXHAUSTED')",
                Timestamp.from(callback.dueAt()), callback.leadId());
    }

    /** The lead is being called: its due callbacks are kept. */
    public static void markKept(JdbcTemplate jdbc, long leadId, long attemptId, Instant at) {
        jdbc.update("UPDATE callbacks SET status = 'DONE', fired_at = COALESCE(fired_at, ?) WHERE lead_id = ? "
                + "AND status IN ('PENDING','FIRED') AND due_at <= ?", Timestamp.from(at), leadId, Timestamp.from(at));
    }

    public Callback get(long id) {
        return jdbc.query("SELECT * FROM callbacks WHERE id = ?", (rs, row) -> map(rs), id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no callback with id " + id));
    }

    public List<Callback> forCampaign(long campaignId, String status) {
        return status == null
                ? jdbc.query("SELECT * FROM callbacks WHERE campaign_id = ? ORDER BY due_at", (rs, row) -> map(rs), campaignId)
                : jdbc.query("SELECT * FROM callbacks WHERE campaign_id = ? AND status = ? ORDER BY due_at",
                        (rs, row) -> map(rs), campaignId, status);
    }

    /** An agent's own callbacks still to make (booked for them or fired to them), soonest first, with the lead's name and number. */
    public List<Map<String, Object>> forAgent(long agentId) {
        return jdbc.queryForList("SELECT c.id, c.campaign_id, cp.name AS campaign_name, c.lead_id, c.due_at, c.time_zone, c.status, "
                + "c.note, l.first_name, l.last_name, l.phone_e164 FROM callbacks c JOIN leads l ON l.id = c.lead_id "
                + "JOIN campaigns cp ON cp.id = c.campaign_id WHERE c.agent_id = ? AND c.status IN ('PENDING','FIRED') "
                + "ORDER BY c.due_at", agentId);
    }

    public void cancel(long id) {
        Callback callback = get(id);
        tx.executeWithoutResult(status -> {
            jdbc.update("UPDATE callbacks SET status = 'CANCELLED' WHERE id = ? AND status IN ('PENDING','FIRED')", id);
            jdbc.update("UPDATE leads SET status = 'RETRY' WHERE id = ? AND status = 'CALLBACK'", callback.leadId());
            scheduler.unschedule(id);
        });
    }

    /** The lead's campaign and the zone its local times are read in. */
    private Map.Entry<Long, String> lead(long leadId) {
        List<Map.Entry<Long, String>> leads = jdbc.query("SELECT l.campaign_id, l.time_zone, c.report_zone FROM leads l "
                + "JOIN campaigns c ON c.id = l.campaign_id WHERE l.id = ?",
                (rs, row) -> Map.entry(rs.getLong(1), rs.getString(2) != null ? rs.getString(2) : rs.getString(3)), leadId);
        if (leads.isEmpty()) {
            throw new NotFoundException("no lead with id " + leadId);
        }
        return leads.get(0);
    }

    private static Callback map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long agent = rs.getLong("agent_id");
        return new Callback(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("lead_id"), rs.wasNull() ? null : agent,
                rs.getTimestamp("due_at").toInstant(), rs.getString("time_zone"), rs.getString("source"), rs.getString("note"),
                rs.getString("status"));
    }
}
