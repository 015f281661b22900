package org.opendialer.service.campaign;

import java.time.Duration;
import org.opendialer.engine.call.CallResult;

/** How long a lead rests after an attempt ended a given way, before it is dialled again. */
public record RetryDelays(Duration busy, Duration noAnswer, Duration machine, Duration abandoned, Duration failed) {

    public static final RetryDelays DEFAULT = new RetryDelays(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofHours(72), Duration.ofDays(1));

    public RetryDelays {
        for (Duration d : new Duration[] {busy, noAnswer, machine, abandoned, failed}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("retry delays must be zero or positive");
            }
        }
    }

    /** The rest after an attempt that ended with {@code result}; an abandoned call rests at least {@link #abandoned}. */
    public Duration after(CallResult result, boolean abandonedCall) {
        if (abandonedCall) {
            return abandoned;
        }
        return switch (result) {
            case BUSY -> busy;
            case NO_ANSWER -> noAnswer;
            case MACHINE -> machine;
            case HUMAN -> noAnswer;
            case CONGESTION, FAILED, REJECTED, INVALID_NUMBER -> failed;
        };
    }
}
