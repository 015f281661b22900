package org.opendialer.service.disposition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.attempt.AttemptEvents;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.attempt.AttemptQueries.ToDispose;
import org.opendialer.service.attempt.AttemptStore;
import org.opendialer.service.callback.CallbackPlan;
import org.opendialer.service.callback.CallbackService;
import org.opendialer.service.db.Transactions;
import org.opendialer.service.lead.DoNotCallList;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.opendialer.service.web.Problems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies dispositions. FINAL closes the lead, RETRY sends it back after the campaign's no-answer delay,
 * DNC puts the number on the global do-not-call list at once, CALLBACK books a callback at the time the
 * callee asked for (in the callee's local time).
 */
public class DispositionService {

    /** Notes kept on an attempt; a callback keeps their first {@link CallbackService#MAX_NOTE} characters. */
    public static final int MAX_NOTES = 4000;

    private final JdbcTemplate jdbc;
    private final DialerClock clock;
    private final DoNotCallList dnc;
    private final CallbackService callbacks;
    private final TransactionTemplate tx;
    private final AttemptStore attempts;
    private final AttemptQueries queries;

    public DispositionService(JdbcTemplate jdbc, DialerClock clock, DoNotCallList dnc, CallbackService callbacks) {
        this(jdbc, clock, dnc, callbacks, AttemptEvents.none());
    }

    public DispositionService(JdbcTemplate jdbc, DialerClock clock, DoNotCallList dnc, CallbackService callbacks,
                              AttemptEvents events) {
        this.attempts = new AttemptStore(jdbc, events);
        this.queries = new AttemptQueries(jdbc);
        this.jdbc = jdbc;
        this.clock = clock;
        this.dnc = dnc;
        this.callbacks = callbacks;
        this.tx = Transactions.over(jdbc);
    }

    /** Dispositions offered in the campaign: its own and the global ones (its own win on the same code). */
    public List<Disposition> offered(long campaignId) {
        return jdbc.query("SELECT code, label, effect, is_sale FROM dispositions d WHERE scope_campaign_id = ? OR "
                        + "(scope_campaign_id = 0 AND NOT EXISTS (SELECT 1 FROM dispositions o WHERE o.scope_campaign_id = ? "
                        + "AND o.code = d.code)) ORDER BY sort_order, code",
                (rs, row) -> new Disposition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                campaignId, campaignId);
    }

    /** Adds or changes a campaign's own disposition; every field is checked. */
    public void define(long campaignId, Disposition d) {
        Long campaigns = jdbc.queryForObject("SELECT COUNT(*) FROM campaigns WHERE id = ?", Long.class, campaignId);
        if (campaigns == null || campaigns == 0) {
            throw new NotFoundException("no campaign with id " + campaignId);
        }
        List<FieldError> errors = new ArrayList<>();
        String code = d.code() == null ? "" : d.code().trim().toUpperCase();
        if (!code.matches("[A-Z][A-Z0-9_]{1,31}")) {
            errors.add(new FieldError("code", "2-32 letters, digits or _, starting with a letter"));
        }
        if (d.label() == null || d.label().isBlank()) {
            errors.add(new FieldError("label", "what agents see, e.g. 'Sent brochure'"));
        } else if (d.label().trim().length() > 128) {
            errors.add(new FieldError("label", "at most 128 characters"));
        }
        String effect = d.effect() == null ? "" : d.effect().trim().toUpperCase();
        if (DispositionEffect.named(effect).isEmpty()) {
            errors.add(new FieldError("effect", "FINAL, RETRY, DNC or CALLBACK"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        tx.executeWithoutResult(status -> {
            if (jdbc.update("UPDATE dispositions SET label = ?, effect = ?, is_sale = ? WHERE scope_campaign_id = ? AND code = ?",
                    d.label().trim(), effect, d.sale(), campaignId, code) == 0) {
                jdbc.update("INSERT INTO dispositions (scope_campaign_id, code, label, effect, is_sale, sort_order) "
                        + "VALUES (?, ?, ?, ?, ?, 100)", campaignId, code, d.label().trim(), effect, d.sale());
            }
        });
    }

    /** Applies {@code request} to attempt {@code attemptId} as a manager or the robot would; see {@link #dispose(long, DispositionRequest, Long)}. */
    public String dispose(long attemptId, DispositionRequest request) {
        return dispose(attemptId, request, null);
    }

    /**
     * Applies {@code request} to attempt {@code attemptId}; returns the lead's status afterwards. Everything is
     * checked first (code, notes, callback time and agent), then written in one transaction: a refused
     * disposition leaves no trace. {@code bookingAgent} is the agent setting it, who may keep a callback only
     * for themselves; null for managers and the robot.
     */
    public String dispose(long attemptId, DispositionRequest request, Long bookingAgent) {
        ToDispose attempt = queries.toDispose(attemptId).orElseThrow(() -> new NotFoundException("no attempt with id " + attemptId));
        long campaignId = attempt.campaign().value();
        long leadId = attempt.lead().value();
        String code = request.code() == null ? "" : request.code().trim().toUpperCase();
        List<Disposition> offered = offered(campaignId);
        Disposition disposition = offered.stream().filter(d -> d.code().equals(code)).findFirst().orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (disposition == null) {
            errors.add(new FieldError("code", Problems.quote(request.code()) + " is not a disposition of this campaign; "
                    + "choose one of " + offered.stream().map(Disposition::code).toList()));
        }
        if (request.notes() != null && request.notes().length() > MAX_NOTES) {
            errors.add(new FieldError("notes", "at most " + MAX_NOTES + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        CallbackPlan callback = null;
        if (effect(disposition) == DispositionEffect.CALLBACK) {
            if (request.callbackAt() == null || request.callbackAt().isBlank()) {
                throw new InvalidRequestException("callbackAt", "a " + code + " disposition needs the time to call back");
            }
            String note = request.notes() == null ? null
                    : request.notes().substring(0, Math.min(request.notes().length(), CallbackService.MAX_NOTE));
            boolean forMe = Boolean.TRUE.equals(request.callbackForMe());
            // a named agent is checked; the agent who took the call is who it is
            callback = callbacks.plan(leadId, request.callbackAt(), "callbackAt", forMe ? request.agentId() : null, bookingAgent, note);
            Long callAgent = attempt.agentId();
            if (forMe && request.agentId() == null && callAgent != null) {
                callback = callback.keptFor(callAgent);
            }
        }
        CallbackPlan booking = callback;
        return tx.execute(status -> apply(attemptId, attempt, disposition, request.notes(), booking));
    }

    private String apply(long attemptId, ToDispose attempt, Disposition disposition, String notes, CallbackPlan callback) {
        long leadId = attempt.lead().value();
        String code = disposition.code();
        Instant now = clock.now();
        Timestamp at = Timestamp.from(now);
        attempts.disposed(attempt.attempt(), attempt.lead(), code, notes, now);
        jdbc.update("UPDATE leads SET last_disposition = ?, updated_at = ? WHERE id = ?", code, at, leadId);
        switch (effect(disposition)) {
            case FINAL -> jdbc.update("UPDATE leads SET status = 'DONE', next_attempt_at = NULL WHERE id = ? AND status <> 'DNC'", leadId);
            case RETRY -> {
                Long delay = jdbc.queryForObject("SELECT retry_no_answer_s FROM campaigns WHERE id = ?", Long.class,
                        attempt.campaign().value());
                jdbc.update("UPDATE leads SET status = 'RETRY', next_attempt_at = ? WHERE id = ? AND status NOT IN ('DNC')",
                        Timestamp.from(now.plusSeconds(delay)), leadId);
            }
            case DNC -> dnc.add(attempt.phone(), DoNotCallList.GLOBAL, "AGENT",
                    "disposition " + code + " on attempt " + attemptId, now);
            case CALLBACK -> callbacks.book(callback, "AGENT", attemptId);
            default -> throw new IllegalStateException("unknown disposition effect " + disposition.effect());
        }
        return jdbc.queryForObject("SELECT status FROM leads WHERE id = ?", String.class, leadId);
    }

    private static DispositionEffect effect(Disposition disposition) {
        return DispositionEffect.named(disposition.effect())
                .orElseThrow(() -> new IllegalStateException("unknown disposition effect " + disposition.effect()));
    }
}
