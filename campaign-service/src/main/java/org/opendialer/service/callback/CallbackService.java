package org.opendialer.service.callback;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

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

    public CallbackService(JdbcTemplate jdbc, DialerClock clock, CallbackScheduler scheduler) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Books a callback at {@code localTime} in the lead's own time zone. */
    public Callback book(long leadId, LocalDateTime localTime, Long agentId, String source, String note, Long attemptId) {
        String zone = leadZone(leadId);
        Instant due = localTime.atZone(ZoneId.of(zone)).toInstant();
        return bookAt(leadId, due, agentId, source, note, attemptId);
    }

    /** Books a callback at the instant {@code due}. */
    public Callback bookAt(long leadId, Instant due, Long agentId, String source, String note, Long attemptId) {
        if (due.isBefore(clock.now().minusSeconds(60))) {
            throw new InvalidRequestException("callbackAt", "the callback time " + due + " is in the past");
        }
        String zone = leadZone(leadId);
        long campaignId = jdbc.queryForObject("SELECT campaign_id FROM leads WHERE id = ?", Long.class, leadId);
        Timestamp now = Timestamp.from(clock.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO callbacks (campaign_id, lead_id, agent_id, due_at, time_zone, source, "
                    + "note, status, attempt_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)", new String[] {"id"});
            ps.setLong(1, campaignId);
            ps.setLong(2, leadId);
            ps.setObject(3, agentId);
            ps.setTimestamp(4, Timestamp.from(due));
            ps.setString(5, zone);
            ps.setString(6, source);
            ps.setString(7, note);
            ps.setObject(8, attemptId);
            ps.setTimestamp(9, now);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        // earlier pending callbacks of the lead are superseded by the newest booking
        jdbc.update("UPDATE callbacks SET status = 'CANCELLED' WHERE lead_id = ? AND status = 'PENDING' AND id <> ?", leadId, id);
        jdbc.update("UPDATE leads SET status = 'CALLBACK', next_attempt_at = ?, updated_at = ? WHERE id = ? "
                + "AND status NOT IN ('DNC')", Timestamp.from(due), now, leadId);
        scheduler.schedule(id, due);
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

    public void cancel(long id) {
        Callback callback = get(id);
        jdbc.update("UPDATE callbacks SET status = 'CANCELLED' WHERE id = ? AND status IN ('PENDING','FIRED')", id);
        jdbc.update("UPDATE leads SET status = 'RETRY' WHERE id = ? AND status = 'CALLBACK'", callback.leadId());
        scheduler.unschedule(id);
    }

    private String leadZone(long leadId) {
        List<String> zones = jdbc.query("SELECT l.time_zone, c.report_zone FROM leads l JOIN campaigns c ON c.id = l.campaign_id "
                + "WHERE l.id = ?", (rs, row) -> rs.getString(1) != null ? rs.getString(1) : rs.getString(2), leadId);
        if (zones.isEmpty()) {
            throw new NotFoundException("no lead with id " + leadId);
        }
        return zones.get(0);
    }

    private static Callback map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long agent = rs.getLong("agent_id");
        return new Callback(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("lead_id"), rs.wasNull() ? null : agent,
                rs.getTimestamp("due_at").toInstant(), rs.getString("time_zone"), rs.getString("source"), rs.getString("note"),
                rs.getString("status"));
    }
}
