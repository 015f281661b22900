package org.opendialer.service.security;

import java.util.Optional;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.user.Role;
import org.opendialer.service.user.UserAccount;
import org.opendialer.service.user.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What an agent may reach: their own session, the calls they took, and the leads of those calls (or of
 * callbacks booked for them). Managers and admins reach everything; analysts read leads but hear no calls.
 */
@Component
public class AgentAccess {

    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final AttemptQueries attempts;

    public AgentAccess(UserDirectory users, JdbcTemplate jdbc) {
        this.users = users;
        this.jdbc = jdbc;
        this.attempts = new AttemptQueries(jdbc);
    }

    public Optional<UserAccount> user(Authentication auth) {
        return auth == null ? Optional.empty() : users.byUsername(auth.getName());
    }

    /** The user id of {@code auth} when it is an agent (held to their own calls and callbacks), else null. */
    public Long agentId(Authentication auth) {
        return user(auth).filter(u -> u.role() == Role.AGENT).map(UserAccount::id).orElse(null);
    }

    public boolean isSelf(Authentication auth, long agentId) {
        return user(auth).map(u -> supervises(u) || (u.role() == Role.AGENT && u.id() == agentId)).orElse(false);
    }

    public boolean mayOpenLead(Authentication auth, long leadId) {
        return user(auth).map(u -> supervises(u) || u.role() == Role.ANALYST || (u.role() == Role.AGENT && (
                attempts.leadHandledBy(leadId, u.id())
                        || count("SELECT COUNT(*) FROM callbacks WHERE lead_id = ? AND agent_id = ?", leadId, u.id()) > 0)))
                .orElse(false);
    }

    /** Book for or otherwise change a lead: its agents and supervisors; an analyst reads leads but never changes one. */
    public boolean mayChangeLead(Authentication auth, long leadId) {
        return user(auth).map(u -> u.role() != Role.ANALYST && mayOpenLead(auth, leadId)).orElse(false);
    }

    public boolean mayOpenAttempt(Authentication auth, long attemptId) {
        // the agent who took the call, or one who was on it before handing it to another agent (their wrap-up)
        return user(auth).map(u -> supervises(u) || (u.role() == Role.AGENT
                && (attempts.handledBy(attemptId, u.id())
                || count("SELECT COUNT(*) FROM agent_state_log WHERE agent_id = ? AND attempt_id = ?", u.id(), attemptId) > 0)))
                .orElse(false);
    }

    /** A call's recording: whoever may open the call, and analysts, who review calls (every playback is audited). */
    public boolean mayPlayRecording(Authentication auth, long attemptId) {
        return user(auth).map(u -> u.role() == Role.ANALYST).orElse(false) || mayOpenAttempt(auth, attemptId);
    }

    private static boolean supervises(UserAccount u) {
        return u.role() == Role.MANAGER || u.role() == Role.ADMIN;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
