package org.opendialer.service.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without looking at the password, because the user or the address is locked for a while. */
public class SignInLockedException extends AuthenticationException {

    private final Duration retryAfter;

    public SignInLockedException(Duration retryAfter) {
        super("too many failed sign-ins: try again in " + retryAfterSeconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    private static long retryAfterSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
