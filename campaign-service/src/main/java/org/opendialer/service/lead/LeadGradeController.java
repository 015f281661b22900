package org.opendialer.service.lead;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.security.AgentAccess;
import org.opendialer.service.security.AuditLog;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agent's grade for a lead (意向客户 A-D), set or corrected on the screen pop, always with a reason. It is stored
 * beside the computed grade, shown as the lead's grade at once and in every report after, and audited with the
 * grade it replaced.
 */
@RestController
public class LeadGradeController {

    private static final List<String> GRADES = List.of("A", "B", "C", "D");

    private final JdbcTemplate jdbc;
    private final AgentAccess access;
    private final AuditLog audit;
    private final DialerClock clock;

    public LeadGradeController(JdbcTemplate jdbc, AgentAccess access, AuditLog audit, DialerClock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public record GradeChange(String grade, String reason) {
    }

    @PutMapping("/api/leads/{id}/grade")
    public Map<String, Object> grade(@PathVariable long id, @RequestBody GradeChange change, Authentication auth) {
        List<FieldError> errors = new ArrayList<>();
        String grade = change == null || change.grade() == null ? "" : change.grade().trim().toUpperCase();
        if (!GRADES.contains(grade)) {
            errors.add(new FieldError("grade", "one of A, B, C, D"));
        }
        String reason = change == null || change.reason() == null ? "" : change.reason().trim();
        if (reason.length() < 2 || reason.length() > 512) {
            errors.add(new FieldError("reason", "say why, in 2 to 512 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<String> before = jdbc.queryForList("SELECT COALESCE(interest_grade, '-') FROM leads WHERE id = ?", String.class, id);
        if (before.isEmpty()) {
            throw new NotFoundException("no lead with id " + id);
        }
        Long by = access.user(auth).map(u -> u.id()).orElse(null);
        jdbc.update("UPDATE leads SET agent_grade = ?, agent_grade_reason = ?, agent_grade_by = ?, agent_grade_at = ?, interest_grade = ?, "
                + "grade_reason = ? WHERE id = ?", grade, reason, by, Timestamp.from(clock.now()), grade, "agent: " + reason, id);
        audit.record(AuditLog.LEAD_GRADED, "lead " + id, before.get(0) + " -> " + grade + ": " + reason);
        return Map.of("leadId", id, "grade", grade, "reason", reason, "previous", before.get(0));
    }
}
