package org.opendialer.engine.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wall-clock time with a single event thread; the engine's real-time counterpart of {@link SimulatedClock}. */
public final class SystemClock implements DialerClock, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SystemClock.class);

    private final Clock clock;
    private final ScheduledExecutorService loop;
    /** Written by the clock's thread only; read by anyone. */
    private volatile long tasks;
    private volatile long busyNanos;
    private volatile long longestNanos;

    public SystemClock(String name) {
        this(Clock.systemUTC(), name);
    }

    public SystemClock(Clock clock, String name) {
        this.clock = clock;
        this.loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = loop.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(guarded(task));
    }

    /** A failing task must not kill the event thread that every later event depends on. */
    private Runnable guarded(Runnable task) {
        return () -> {
            long started = System.nanoTime();
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("Engine task failed", e);
            } finally {
                long took = System.nanoTime() - started;
                tasks++;
                busyNanos += took;
                if (took > longestNanos) {
                    longestNanos = took;
                }
            }
        };
    }

    /** What the clock's thread has done since it started. */
    public ClockLoad load() {
        return new ClockLoad(tasks, busyNanos, longestNanos);
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
