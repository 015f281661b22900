package org.opendialer.service.lead;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Map;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.leadimport.PhoneNormalizer;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.opendialer.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Leads (a campaign's, one with its attempt history for the screen pop) and the do-not-call lists. */
@RestController
public class LeadController {

    /** Deeper pages than this are a report's job, not a page of the lead list. */
    private static final long MAX_OFFSET = 100_000_000L;

    private static final String LEAD_COLUMNS = "id, campaign_id, list_id, phone_e164, phone_type, region, time_zone, first_name, "
            + "last_name, email, company, attributes, customer_since, last_purchase, churned_at, customer_status, status, "
            + "priority, attempt_count, last_attempt_at, next_attempt_at, last_result, last_disposition, interest_score, "
            + "interest_grade, grade_reason, agent_grade, agent_grade_reason, lost_status";

    private final JdbcTemplate jdbc;
    private final DoNotCallList dnc;
    private final DialerClock clock;

    public LeadController(JdbcTemplate jdbc, DoNotCallList dnc, DialerClock clock) {
        this.jdbc = jdbc;
        this.dnc = dnc;
        this.clock = clock;
    }

    @GetMapping("/api/campaigns/{id}/leads")
    public List<Map<String, Object>> leads(@PathVariable long id, @RequestParam(required = false) String status,
                                           @RequestParam(defaultValue = "100") int limit,
                                           @RequestParam(defaultValue = "0") long offset) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "between 1 and 1000");
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidRequestException("offset", "between 0 and " + MAX_OFFSET);
        }
        if (status != null) {
            try {
                LeadStatus.valueOf(status.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("status", "one of " + List.of(LeadStatus.values()));
            }
            return jdbc.queryForList("SELECT " + LEAD_COLUMNS + " FROM leads WHERE campaign_id = ? AND status = ? ORDER BY id "
                    + "LIMIT ? OFFSET ?", id, status.toUpperCase(), limit, offset);
        }
        return jdbc.queryForList("SELECT " + LEAD_COLUMNS + " FROM leads WHERE campaign_id = ? ORDER BY id LIMIT ? OFFSET ?",
                id, limit, offset);
    }

    /**
     * One lead with every attempt and what the robot heard: what an agent's screen pop shows; {@code location} is
     * where its number is registered (号码归属地), in the request's language.
     */
    @GetMapping("/api/leads/{id}")
    public Map<String, Object> lead(@PathVariable long id, java.util.Locale locale) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT " + LEAD_COLUMNS + " FROM leads WHERE id = ?", id);
        if (rows.isEmpty()) {
            throw new NotFoundException("no lead with id " + id);
        }
        Map<String, Object> lead = new java.util.LinkedHashMap<>(rows.get(0));
        lead.put("location", org.opendialer.reports.location.PhoneLocations.of((String) lead.get("phone_e164"),
                locale == null ? "en" : locale.getLanguage()));
        lead.put("attempts", new AttemptQueries(jdbc).ofLead(id));
        lead.put("conversation", jdbc.queryForList("SELECT attempt_id, turn_no, node_id, prompt, transcript, intent, confidence "
                + "FROM conversation_turns WHERE lead_id = ? ORDER BY attempt_id, turn_no", id));
        lead.put("callbacks", jdbc.queryForList("SELECT id, due_at, time_zone, agent_id, status, note FROM callbacks "
                + "WHERE lead_id = ? ORDER BY due_at", id));
        return lead;
    }

    /** A number to add to the global ({@code campaignId} 0 or absent) or a campaign's do-not-call list. */
    public record DncEntry(String phone, Long campaignId, String region, String reason) {
    }

    @PostMapping("/api/dnc")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> addDnc(@RequestBody DncEntry entry) {
        PhoneNumber phone = phone(entry.phone(), entry.region());
        long scope = scope(entry.campaignId() == null ? DoNotCallList.GLOBAL : entry.campaignId());
        if (entry.reason() != null && entry.reason().length() > 255) {
            throw new InvalidRequestException("reason", "at most 255 characters");
        }
        boolean added = dnc.add(phone, scope, "API", entry.reason(), clock.now());
        return Map.of("phone", phone.e164(), "campaignId", scope, "added", added);
    }

    @GetMapping("/api/dnc/{phone}")
    public Map<String, Object> checkDnc(@PathVariable String phone, @RequestParam(defaultValue = "0") long campaignId,
                                        @RequestParam(required = false) String region) {
        PhoneNumber number = phone(phone, region);
        return Map.of("phone", number.e164(), "listed", dnc.contains(number, scope(campaignId)));
    }

    @DeleteMapping("/api/dnc/{phone}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeDnc(@PathVariable String phone, @RequestParam(defaultValue = "0") long campaignId,
                          @RequestParam(required = false) String region) {
        if (!dnc.remove(phone(phone, region), scope(campaignId))) {
            throw new NotFoundException(Problems.quote(phone) + " is not on that do-not-call list");
        }
    }

    /** The global list (0) or an existing campaign's. */
    private long scope(long campaignId) {
        if (campaignId < 0) {
            throw new InvalidRequestException("campaignId", "0 for the global list or a campaign's id");
        }
        if (campaignId != DoNotCallList.GLOBAL
                && jdbc.queryForObject("SELECT COUNT(*) FROM campaigns WHERE id = ?", Long.class, campaignId) == 0) {
            throw new InvalidRequestException("campaignId", "no campaign with id " + campaignId);
        }
        return campaignId;
    }

    private static PhoneNumber phone(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidRequestException("phone", "a phone number is required");
        }
        String readIn = region == null ? "US" : region.trim().toUpperCase();
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(readIn)) {
            throw new InvalidRequestException("region", Problems.quote(region) + " is not a phone region; use a two-letter code like US, GB, CN");
        }
        if (raw.length() > 64) {
            throw new InvalidRequestException("phone", "at most 64 characters");
        }
        try {
            return new PhoneNumber(new PhoneNormalizer(readIn).normalize(raw).e164());
        } catch (PhoneNormalizer.InvalidPhoneException | IllegalArgumentException e) {
            throw new InvalidRequestException("phone", Problems.quote(raw) + " is not a valid phone number");
        }
    }
}
