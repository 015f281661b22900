package org.opendialer.service.security;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.user.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who played which recording and who exported what, and when: written before the content is sent. Failed
 * sign-ins and locks are written here too, with the name that was tried and the address it came from.
 */
@Component
public class AuditLog {

    public static final String RECORDING_PLAYED = "RECORDING_PLAYED";
    public static final String REPORT_EXPORTED = "REPORT_EXPORTED";
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    public static final String SIGN_IN_LOCKED = "SIGN_IN_LOCKED";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String LEAD_GRADED = "LEAD_GRADED";
    public static final String LEAD_EDITED = "LEAD_EDITED";
    public static final String API_TOKEN_CREATED = "API_TOKEN_CREATED";
    public static final String API_TOKEN_REVOKED = "API_TOKEN_REVOKED";

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
        recordFor(auth == null ? null : auth.getName(), action, target, details);
    }

    /** Records {@code action} for {@code username} (as typed, may name nobody), e.g. a failed sign-in. */
    public void recordFor(String username, String action, String target, String details) {
        if (username != null && username.length() > 64) {
            username = username.substring(0, 64);
        }
        Long userId = username == null ? null : users.byUsername(username).map(u -> u.id()).orElse(null);
        jdbc.update("INSERT INTO audit_log (user_id, username, action, target, details, at_time) VALUES (?, ?, ?, ?, ?, ?)",
                userId, username, action, target, details, Timestamp.from(clock.now()));
    }

    public List<Map<String, Object>> recent(int limit) {
        return jdbc.queryForList("SELECT id, username, action, target, details, at_time FROM audit_log ORDER BY id DESC LIMIT ?", limit);
    }
}
