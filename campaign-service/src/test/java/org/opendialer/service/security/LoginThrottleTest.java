package org.opendialer.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.clock.SimulatedClock;

class LoginThrottleTest {

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Policy(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

    private void failTimes(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void fiveFailuresWithinTheWindowLockTheUserForFifteenMinutes() {
        failTimes("al", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("al", "10.0.0.9")).isEmpty();

        assertThat(throttle.failed("al", "10.0.0.1")).as("the fifth failure locks").isTrue();

        assertThat(throttle.lockedFor("al", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("AL", null)).as("whatever the case of the name").isPresent();
        assertThat(throttle.lockedFor("bo", "10.0.0.9")).as("others are not").isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.lockedFor("al", null)).contains(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.lockedFor("al", null)).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        failTimes("al", null, 4);
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.failed("al", null)).isFalse();
        assertThat(throttle.lockedFor("al", null)).isEmpty();
    }

    @Test
    void aSuccessfulSignInForgivesTheUsersFailuresButNotTheAddresss() {
        failTimes("al", "10.0.0.1", 4);
        throttle.succeeded("al");
        assertThat(throttle.failed("al", "10.0.0.1")).isFalse();

        failTimes("nobody", "10.0.0.1", 14);
        assertThat(throttle.failed("someone", "10.0.0.1")).as("the address's twentieth failure").isTrue();
        assertThat(throttle.lockedFor("al", "10.0.0.1")).as("every user from that address").isPresent();
        assertThat(throttle.lockedFor("al", "10.0.0.2")).isEmpty();
    }
}
