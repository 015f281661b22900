package org.opendialer.service.security;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.agent.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who played which recording and who exported what, and when: written before the content is sent. */
@Component
public class AuditLog {

    public static final String RECORDING_PLAYED = "RECORDING_PLAYED";
    public static final String REPORT_EXPORTED = "REPORT_EXPORTED";

    private final JdbcTemplate jdbc;
    private final UserDirectory users;
    private final DialerClock clock;

    public AuditLog(JdbcTemplate jdbc, UserDirectory users, DialerClock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** Records {@code action} on {@code target} by whoever is signed in on this request. */
    public void record(String action, String target, String details) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String username = auth == null ? null : auth.getName();
        Long userId = username == null ? null : users.byUsername(username).map(u -> u.id()).orElse(null);
        jdbc.update("INSERT INTO audit_log (user_id, username, action, target, details, at_time) VALUES (?, ?, ?, ?, ?, ?)",
                userId, username, action, target, details, Timestamp.from(clock.now()));
    }

    public List<Map<String, Object>> recent(int limit) {
        return jdbc.queryForList("SELECT id, username, action, target, details, at_time FROM audit_log ORDER BY id DESC LIMIT ?", limit);
    }
}
