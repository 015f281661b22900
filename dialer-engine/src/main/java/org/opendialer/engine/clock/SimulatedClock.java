package org.opendialer.engine.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Discrete-event time: nothing happens until the owner advances the clock, and then every due task runs
 * in time order (ties in the order they were scheduled), so a seeded run is reproducible to the event.
 * Not thread-safe: one thread owns a simulation.
 */
public final class SimulatedClock implements DialerClock {

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long nowMillis;
    private long sequence;

    public SimulatedClock(Instant start) {
        this.nowMillis = start.toEpochMilli();
    }

    @Override
    public Instant now() {
        return Instant.ofEpochMilli(nowMillis);
    }

    @Override
    public long nowMillis() {
        return nowMillis;
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        Event event = new Event(nowMillis + delay.toMillis(), sequence++, task);
        queue.add(event);
        return () -> event.cancelled = true;
    }

    /** Runs every task due up to and including {@code until}, then leaves the clock at {@code until}. */
    public void runUntil(Instant until) {
        long limit = until.toEpochMilli();
        while (!queue.isEmpty() && queue.peek().at <= limit) {
            runNext();
        }
        nowMillis = Math.max(nowMillis, limit);
    }

    public void advance(Duration duration) {
        runUntil(now().plus(duration));
    }

    /** Runs the next pending task, moving time to it; false when nothing is pending. */
    public boolean runNext() {
        Event event = queue.poll();
        while (event != null && event.cancelled) {
            event = queue.poll();
        }
        if (event == null) {
            return false;
        }
        nowMillis = Math.max(nowMillis, event.at);
        event.task.run();
        return true;
    }

    public int pending() {
        return (int) queue.stream().filter(e -> !e.cancelled).count();
    }

    private static final class Event implements Comparable<Event> {
        final long at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Event(long at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }
}
