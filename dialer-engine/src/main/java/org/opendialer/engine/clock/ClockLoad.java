package org.opendialer.engine.clock;

/**
 * What a real-time clock's thread has done so far: the tasks it ran (ticks, call events, agent commands: each one
 * decision), the time spent in them, and the longest single task, during which every other decision waited.
 */
public record ClockLoad(long tasks, long busyNanos, long longestNanos) {

    /** Decisions the thread could make per second at its measured cost per decision. */
    public double capacityPerSecond() {
        return busyNanos == 0 ? 0 : tasks / (busyNanos / 1e9);
    }
}
