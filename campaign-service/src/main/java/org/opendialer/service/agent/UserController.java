package org.opendialer.service.agent;

import java.util.List;
import org.opendialer.service.user.NewUser;
import org.opendialer.service.user.Role;
import org.opendialer.service.user.UserAccount;
import org.opendialer.service.user.UserChange;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The team's users. Admins create and list them; managers and admins change a user's name, role or whether
 * they may sign in. A manager leaves administrators alone and makes nobody an administrator, and nobody
 * disables or demotes themselves (so the last way in is not closed by a slip). Managers list the team too;
 * only administrators reset a password.
 */
@RestController
@RequestMapping("/api/users")
public class UserController {

    private final UserDirectory users;
    private final org.opendialer.service.security.AuditLog audit;

    public UserController(UserDirectory users, org.opendialer.service.security.AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    /** A new password for a user, set by an administrator (the user's own change is {@code /api/me/password}). */
    public record PasswordReset(String password) {
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void resetPassword(@PathVariable long id, @RequestBody PasswordReset reset) {
        users.resetPassword(id, reset == null ? null : reset.password());
        audit.record(org.opendialer.service.security.AuditLog.PASSWORD_RESET, "user " + id, null);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserAccount create(@RequestBody NewUser user) {
        return users.create(user);
    }

    @GetMapping
    public List<UserAccount> list(@RequestParam(required = false) String role) {
        try {
            return users.list(role == null ? null : Role.valueOf(role.toUpperCase()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("role", "one of MANAGER, AGENT, ANALYST, ADMIN");
        }
    }

    @GetMapping("/{id}")
    public UserAccount get(@PathVariable long id) {
        return users.get(id);
    }

    @PutMapping("/{id}")
    public UserAccount update(@PathVariable long id, @RequestBody UserChange change, Authentication auth) {
        UserAccount actor = users.byUsername(auth.getName()).orElseThrow(() -> new AccessDeniedException("unknown user"));
        UserAccount target = users.get(id);
        Role newRole = change.role() == null ? null : users.role(change.role());
        if (actor.role() != Role.ADMIN && (target.role() == Role.ADMIN || newRole == Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator changes administrators");
        }
        if (actor.id() == target.id()) {
            if (Boolean.FALSE.equals(change.enabled())) {
                throw new InvalidRequestException("enabled", "you cannot disable your own account");
            }
            if (newRole != null && newRole != actor.role()) {
                throw new InvalidRequestException("role", "you cannot change your own role");
            }
        }
        return users.update(id, change);
    }
}
