package org.opendialer.service.lead;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.reports.location.PhoneLocations;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.security.AgentAccess;
import org.opendialer.service.security.AuditLog;
import org.opendialer.service.user.Role;
import org.opendialer.service.user.UserAccount;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.opendialer.service.web.Problems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding leads and their recordings. A lead search matches digits of the number or words of the name or company;
 * an agent finds only the leads they called or have a callback for. The recordings search lists recorded calls by
 * campaign, agent, days (in the campaign's report zone), result or disposition, and the lead's grade. An agent or
 * manager may correct a lead's name, company and e-mail (audited).
 */
@RestController
public class LeadSearch {

    private static final String MINE = " AND (" + AttemptQueries.LEAD_L_HANDLED_BY_AGENT + " "
            + "OR EXISTS (SELECT 1 FROM callbacks c WHERE c.lead_id = l.id AND c.agent_id = ?))";

    private final JdbcTemplate jdbc;
    private final AttemptQueries attempts;
    private final AgentAccess access;
    private final CampaignRepository campaigns;
    private final AuditLog audit;
    private final DialerClock clock;

    public LeadSearch(JdbcTemplate jdbc, AgentAccess access, CampaignRepository campaigns, AuditLog audit, DialerClock clock) {
        this.jdbc = jdbc;
        this.attempts = new AttemptQueries(jdbc);
        this.access = access;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/leads/search")
    public List<Map<String, Object>> leads(@RequestParam(required = false) String q, @RequestParam(required = false) Long campaignId,
                                           @RequestParam(defaultValue = "50") int limit, Authentication auth, Locale locale) {
        limit(limit);
        String text = q == null ? "" : q.trim();
        if (text.length() > 64) {
            throw new InvalidRequestException("q", "at most 64 characters");
        }
        StringBuilder sql = new StringBuilder("SELECT l.id, l.campaign_id, l.phone_e164, l.first_name, l.last_name, l.company, l.status, "
                + "l.interest_grade, l.last_disposition, l.attempt_count FROM leads l WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (campaignId != null) {
            sql.append(" AND l.campaign_id = ?");
            args.add(campaignId);
        }
        if (!text.isEmpty()) {
            String like = "%" + text.replace("%", "").replace("_", "") + "%";
            String digits = text.replaceAll("[^0-9]", "");
            sql.append(" AND (l.first_name LIKE ? OR l.last_name LIKE ? OR CONCAT(COALESCE(l.last_name, ''), COALESCE(l.first_name, '')) LIKE ? "
                    + "OR l.company LIKE ?").append(digits.length() >= 3 ? " OR l.phone_e164 LIKE ?" : "").append(")");
            args.addAll(List.of(like, like, like, like));
            if (digits.length() >= 3) {
                args.add("%" + digits + "%");
            }
        }
        UserAccount me = access.user(auth).orElseThrow();
        if (me.role() == Role.AGENT) {
            sql.append(MINE);
            args.add(me.id());
            args.add(me.id());
        }
        sql.append(" ORDER BY l.id LIMIT ?");
        args.add(limit);
        List<Map<String, Object>> rows = jdbc.queryForList(sql.toString(), args.toArray());
        rows.forEach(r -> r.put("location", PhoneLocations.of((String) r.get("phone_e164"), locale == null ? "en" : locale.getLanguage())));
        return rows;
    }

    @GetMapping("/api/recordings")
    public List<Map<String, Object>> recordings(@RequestParam(required = false) Long campaignId, @RequestParam(required = false) String agent,
                                                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                                @RequestParam(required = false) String result, @RequestParam(required = false) String grade,
                                                @RequestParam(defaultValue = "100") int limit) {
        limit(limit);
        ZoneId zone = campaignId == null ? ZoneOffset.UTC : campaigns.find(campaignId)
                .orElseThrow(() -> new InvalidRequestException("campaignId", "no campaign with id " + campaignId)).reportZone();
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new InvalidRequestException("from", "must not be after to (" + last + ")");
        }
        String code = null;
        if (result != null && !result.isBlank()) {
            code = result.trim().toUpperCase();
            if (!code.matches("[A-Z_]{1,32}")) {
                throw new InvalidRequestException("result", Problems.quote(result) + " is not a call result or disposition such as SALE");
            }
        }
        String g = null;
        if (grade != null && !grade.isBlank()) {
            g = grade.trim().toUpperCase();
            if (!g.matches("[ABCD]")) {
                throw new InvalidRequestException("grade", "one of A, B, C, D");
            }
        }
        return attempts.recorded(new AttemptQueries.Recorded(campaignId, agent == null || agent.isBlank() ? null : agent.trim(),
                first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(), code, g, limit));
    }

    /** What an agent or manager may correct on a lead; a null field stays as it is, an empty one is cleared. */
    public record LeadEdit(String firstName, String lastName, String company, String email) {
    }

    @PutMapping("/api/leads/{id}")
    public Map<String, Object> edit(@PathVariable long id, @RequestBody LeadEdit edit) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "firstName", edit.firstName(), 128);
        check(errors, "lastName", edit.lastName(), 128);
        check(errors, "company", edit.company(), 255);
        check(errors, "email", edit.email(), 255);
        if (edit.email() != null && !edit.email().isBlank() && !edit.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("email", Problems.quote(edit.email()) + " is not an e-mail address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<Map<String, Object>> before = jdbc.queryForList("SELECT first_name, last_name, company, email FROM leads WHERE id = ?", id);
        if (before.isEmpty()) {
            throw new NotFoundException("no lead with id " + id);
        }
        Map<String, Object> was = before.get(0);
        jdbc.update("UPDATE leads SET first_name = ?, last_name = ?, company = ?, email = ?, updated_at = ? WHERE id = ?",
                value(edit.firstName(), was.get("first_name")), value(edit.lastName(), was.get("last_name")),
                value(edit.company(), was.get("company")), value(edit.email(), was.get("email")), Timestamp.from(clock.now()), id);
        audit.record(AuditLog.LEAD_EDITED, "lead " + id, "was " + was);
        return jdbc.queryForMap("SELECT id, first_name, last_name, company, email FROM leads WHERE id = ?", id);
    }

    private static Object value(String asked, Object was) {
        return asked == null ? was : asked.isBlank() ? null : asked.trim();
    }

    private static void check(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
    }

    private static void limit(int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit", "between 1 and 500");
        }
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, Problems.quote(text) + " is not a date (yyyy-mm-dd)");
        }
    }
}
