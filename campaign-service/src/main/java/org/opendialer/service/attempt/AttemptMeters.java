package org.opendialer.service.attempt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;

/**
 * Counts what happens to attempts on this instance ({@code dialer.attempts} by event, with the calls ended as
 * abandoned apart), so a dashboard sees calls placed, answered, connected, ended and disposed without a query.
 */
final class AttemptMeters implements Consumer<AttemptEvent> {

    private final Counter placed;
    private final Counter answered;
    private final Counter toAgent;
    private final Counter toRobot;
    private final Counter ended;
    private final Counter abandoned;
    private final Counter disposed;

    AttemptMeters(MeterRegistry meters) {
        placed = counter(meters, "placed");
        answered = counter(meters, "answered");
        toAgent = Counter.builder("dialer.attempts").tag("event", "connected").tag("to", "agent").register(meters);
        toRobot = Counter.builder("dialer.attempts").tag("event", "connected").tag("to", "robot").register(meters);
        ended = counter(meters, "ended");
        abandoned = counter(meters, "abandoned");
        disposed = counter(meters, "disposed");
    }

    private static Counter counter(MeterRegistry meters, String event) {
        return Counter.builder("dialer.attempts").tag("event", event).tag("to", "").register(meters);
    }

    @Override
    public void accept(AttemptEvent event) {
        if (event instanceof AttemptPlaced) {
            placed.increment();
        } else if (event instanceof AttemptAnswered) {
            answered.increment();
        } else if (event instanceof AttemptConnected connected) {
            (connected.withRobot() ? toRobot : toAgent).increment();
        } else if (event instanceof AttemptEnded end) {
            (end.abandoned() ? abandoned : ended).increment();
        } else if (event instanceof AttemptDisposed) {
            disposed.increment();
        }
    }
}
