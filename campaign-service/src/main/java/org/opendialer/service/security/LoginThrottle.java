package org.opendialer.service.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opendialer.engine.clock.DialerClock;

/**
 * Counts failed sign-ins per user and per network address and locks either for a while once it has failed
 * too often within the window. Every way of signing in (form, HTTP Basic, API token, a password change)
 * consults the same counts, so switching between them gains an attacker nothing. A locked user or address
 * is refused before any password is checked, so a flood of guesses costs no bcrypt work.
 *
 * <p>Kept in memory: counts start afresh when the server restarts, and each instance counts its own.
 * Thread-safe.
 */
public class LoginThrottle {

    /** How many failures within {@code window} lock a user or an address, and for how long. */
    public record Policy(int userFailures, int addressFailures, Duration window, Duration lock) {
        public Policy {
            if (userFailures < 1 || addressFailures < 1 || window.isNegative() || window.isZero() || lock.isNegative() || lock.isZero()) {
                throw new IllegalArgumentException("dialer.login.*: failure counts must be at least 1 and durations positive, not "
                        + userFailures + "/" + addressFailures + "/" + window + "/" + lock);
            }
        }
    }

    /** Beyond this many tracked names or addresses, the ones neither locked nor recently failing are forgotten. */
    private static final int MAX_TRACKED = 50_000;

    private final Policy policy;
    private final DialerClock clock;
    private final Map<String, Tally> users = new HashMap<>();
    private final Map<String, Tally> addresses = new HashMap<>();

    public LoginThrottle(Policy policy, DialerClock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public Policy policy() {
        return policy;
    }

    /** How long {@code username} or {@code address} (either may be null) stays locked; empty when neither is. */
    public synchronized Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.now();
        Duration user = remaining(users.get(key(username)), now);
        Duration from = remaining(addresses.get(address), now);
        Duration longest = user.compareTo(from) >= 0 ? user : from;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /**
     * Counts a failed try of {@code username} (null when no user was named, e.g. a bad API token) from
     * {@code address}; true when this failure locked the user or the address.
     */
    public synchronized boolean failed(String username, String address) {
        Instant now = clock.now();
        boolean locked = false;
        if (username != null) {
            locked = tally(users, key(username)).fail(now, policy.userFailures());
        }
        if (address != null) {
            locked |= tally(addresses, address).fail(now, policy.addressFailures());
        }
        return locked;
    }

    /** The user's own failures are forgiven on a sign-in that succeeded; the address's are not. */
    public synchronized void succeeded(String username) {
        if (username != null) {
            users.remove(key(username));
        }
    }

    private static String key(String username) {
        // MySQL compares user names without regard to case: so must the count
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    private Tally tally(Map<String, Tally> tallies, String key) {
        if (tallies.size() >= MAX_TRACKED && !tallies.containsKey(key)) {
            Instant now = clock.now();
            tallies.values().removeIf(t -> t.forgettable(now));
        }
        return tallies.computeIfAbsent(key, k -> new Tally());
    }

    private static Duration remaining(Tally tally, Instant now) {
        return tally == null || tally.lockedUntil == null || !tally.lockedUntil.isAfter(now) ? Duration.ZERO
                : Duration.between(now, tally.lockedUntil);
    }

    /** One user's or address's recent failures and lock. */
    private final class Tally {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;

        boolean fail(Instant now, int limit) {
            Instant since = now.minus(policy.window());
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(since)) {
                failures.removeFirst();
            }
            failures.addLast(now);
            if (failures.size() >= limit && (lockedUntil == null || !lockedUntil.isAfter(now))) {
                lockedUntil = now.plus(policy.lock());
                failures.clear();
                return true;
            }
            return false;
        }

        boolean forgettable(Instant now) {
            return (lockedUntil == null || !lockedUntil.isAfter(now))
                    && (failures.isEmpty() || !failures.peekLast().isAfter(now.minus(policy.window())));
        }
    }
}
