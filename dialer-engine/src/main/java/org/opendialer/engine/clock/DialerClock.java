package org.opendialer.engine.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The only source of time for engine code, and the engine's event loop.
 *
 * <p>Threading: tasks given to {@link #schedule} and {@link #execute} run one at a time on the clock's
 * own thread (the simulated clock runs them in the caller's thread while it advances). Engine state is
 * therefore touched by one thread only and needs no locks. Adapters that receive events on other
 * threads (AMI, AGI) hand them over with {@link #execute}.
 */
public interface DialerClock {

    Instant now();

    default long nowMillis() {
        return now().toEpochMilli();
    }

    /** Runs {@code task} once after {@code delay} (zero or positive). */
    Scheduled schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the clock's thread as soon as possible. */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /** A pending task that can be called off; cancelling one that already ran does nothing. */
    interface Scheduled {
        void cancel();
    }
}
