package org.opendialer.service.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.user.UserDirectory.Credentials;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password, for the sign-in form and for HTTP Basic alike. A locked user or address
 * is refused before the password is looked at; each failure is counted and audited. A bcrypt check takes
 * tens of milliseconds, and HTTP Basic sends the password on every request, so a password that matched is
 * remembered (as a keyed digest, never in clear) for {@code rememberFor}: the next requests with it cost a
 * database read, and a changed password or a disabled account takes effect at once.
 */
public class PasswordSignIn implements AuthenticationProvider {

    private static final int MAX_REMEMBERED = 10_000;

    private final UserDirectory users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final DialerClock clock;
    private final Duration rememberFor;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** Compared against when the user does not exist, so that an unknown name takes as long as a wrong password. */
    private final String nobody;
    /** Keys the remembered digests, so that they are worthless outside this process. */
    private final byte[] digestKey = new byte[32];

    public PasswordSignIn(UserDirectory users, PasswordEncoder passwords, LoginThrottle throttle, AuditLog audit,
                          DialerClock clock, Duration rememberFor) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.rememberFor = rememberFor;
        this.nobody = passwords.encode("nobody has this password");
        new SecureRandom().nextBytes(digestKey);
    }

    private record Remembered(String passwordHash, Instant until) {
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<Duration> locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            throw new SignInLockedException(locked.get());
        }
        Optional<Credentials> found = users.credentials(username);
        String key = digest(username + '\u0000' + password);
        Remembered known = remembered.get(key);
        boolean matches;
        if (found.isPresent() && known != null && known.until().isAfter(clock.now())
                && known.passwordHash().equals(found.get().passwordHash())) {
            matches = true;
        } else {
            matches = passwords.matches(password, found.map(Credentials::passwordHash).orElse(nobody)) && found.isPresent();
        }
        if (!matches) {
            remembered.remove(key);
            fail(username, address, "wrong username or password");
            throw new BadCredentialsException("wrong username or password");
        }
        Credentials user = found.get();
        if (!user.account().enabled()) {
            remembered.remove(key);
            audit.recordFor(username, AuditLog.SIGN_IN_FAILED, "address " + address, "account disabled");
            throw new DisabledException("account disabled");
        }
        throttle.succeeded(username);
        remember(key, user.passwordHash());
        String role = "ROLE_" + user.account().role().name();
        User principal = new User(user.account().username(), "", List.of(new SimpleGrantedAuthority(role)));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    /** Counts and audits a failure; a password change with a wrong old password is one too. */
    void fail(String username, String address, String why) {
        boolean nowLocked = throttle.failed(username, address);
        audit.recordFor(username, AuditLog.SIGN_IN_FAILED, "address " + address, why);
        if (nowLocked) {
            audit.recordFor(username, AuditLog.SIGN_IN_LOCKED, "address " + address,
                    "locked for " + throttle.policy().lock().toMinutes() + " min after repeated failures");
        }
    }

    private void remember(String key, String passwordHash) {
        if (rememberFor.isZero() || rememberFor.isNegative()) {
            return;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            Instant now = clock.now();
            remembered.values().removeIf(r -> !r.until().isAfter(now));
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(key, new Remembered(passwordHash, clock.now().plus(rememberFor)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String digest(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(digestKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
