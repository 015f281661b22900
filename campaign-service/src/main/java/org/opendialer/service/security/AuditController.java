package org.opendialer.service.security;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.Problems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, read by administrators: newest first, filtered by user, action and days (UTC). */
@RestController
public class AuditController {

    private final JdbcTemplate jdbc;

    public AuditController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/audit")
    public List<Map<String, Object>> entries(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
                                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                             @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "between 1 and 1000");
        }
        StringBuilder sql = new StringBuilder("SELECT id, username, action, target, details, at_time FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (user != null && !user.isBlank()) {
            sql.append(" AND username = ?");
            args.add(user.trim());
        }
        if (action != null && !action.isBlank()) {
            if (!action.trim().matches("[A-Za-z_]{1,32}")) {
                throw new InvalidRequestException("action", Problems.quote(action) + " is not an action name such as RECORDING_PLAYED");
            }
            sql.append(" AND action = ?");
            args.add(action.trim().toUpperCase());
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new InvalidRequestException("from", "must not be after to (" + last + ")");
        }
        if (first != null) {
            sql.append(" AND at_time >= ?");
            args.add(Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (last != null) {
            sql.append(" AND at_time < ?");
            args.add(Timestamp.from(last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.queryForList(sql.toString(), args.toArray());
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
