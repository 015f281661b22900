package org.opendialer.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.user.UserAccount;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every signed-in user may do for themselves, whatever their role: see who they are, change their
 * password (the old one is asked for, and a wrong one counts as a failed sign-in), and keep API tokens.
 */
@RestController
@RequestMapping("/api/me")
public class AccountController {

    private final UserDirectory users;
    private final ApiTokens tokens;
    private final PasswordSignIn signIn;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final DialerClock clock;

    public AccountController(UserDirectory users, ApiTokens tokens, PasswordSignIn signIn, LoginThrottle throttle,
                             AuditLog audit, DialerClock clock) {
        this.users = users;
        this.tokens = tokens;
        this.signIn = signIn;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    public UserAccount me(Authentication auth) {
        return self(auth);
    }

    public record PasswordChange(String oldPassword, String newPassword) {
    }

    @PutMapping("/password")
    public ResponseEntity<Object> changePassword(@RequestBody PasswordChange change, Authentication auth, HttpServletRequest request) {
        UserAccount me = self(auth);
        String address = request.getRemoteAddr();
        Optional<Duration> locked = throttle.lockedFor(me.username(), address);
        if (locked.isPresent()) {
            long seconds = new SignInLockedException(locked.get()).retryAfterSeconds();
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds))
                    .body(Map.of("error", "too many failed sign-ins: try again in " + seconds + " seconds"));
        }
        if (change.oldPassword() == null || !users.passwordMatches(me.username(), change.oldPassword())) {
            signIn.fail(me.username(), address, "wrong old password on a password change");
            throw new InvalidRequestException("oldPassword", "is not your current password");
        }
        users.setPassword(me.username(), change.newPassword() == null ? "" : change.newPassword());
        audit.record(AuditLog.PASSWORD_CHANGED, "user " + me.id(), null);
        return ResponseEntity.noContent().build();
    }

    /** {@code expiresAt} (an instant) or {@code expiresInDays}; neither: the token lasts until revoked. */
    public record TokenRequest(String name, Instant expiresAt, Integer expiresInDays) {
    }

    @PostMapping("/tokens")
    public ResponseEntity<ApiTokens.NewToken> createToken(@RequestBody TokenRequest request, Authentication auth) {
        UserAccount me = self(auth);
        Instant expires = request.expiresAt();
        if (request.expiresInDays() != null) {
            if (request.expiresInDays() < 1 || request.expiresInDays() > 3650) {
                throw new InvalidRequestException("expiresInDays", "1 to 3650 days");
            }
            expires = clock.now().plus(Duration.ofDays(request.expiresInDays()));
        }
        ApiTokens.NewToken token = tokens.create(me.id(), request.name(), expires);
        audit.record(AuditLog.API_TOKEN_CREATED, "user " + me.id(), "token " + token.id() + " '" + token.name() + "'");
        return ResponseEntity.status(HttpStatus.CREATED).body(token);
    }

    @GetMapping("/tokens")
    public List<ApiTokens.ApiToken> tokens(Authentication auth) {
        return tokens.list(self(auth).id());
    }

    @DeleteMapping("/tokens/{id}")
    public ApiTokens.ApiToken revoke(@PathVariable long id, Authentication auth) {
        UserAccount me = self(auth);
        ApiTokens.ApiToken revoked = tokens.revoke(me.id(), id);
        audit.record(AuditLog.API_TOKEN_REVOKED, "user " + me.id(), "token " + id);
        return revoked;
    }

    private UserAccount self(Authentication auth) {
        return users.byUsername(auth.getName()).orElseThrow(() -> new AccessDeniedException("unknown user"));
    }
}
