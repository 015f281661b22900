package org.opendialer.service.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a clock thread spends its busy time, by sampling its stack every 10 ms: each busy sample is counted against
 * the dialer's own method nearest the top of the stack, marked when the thread was inside the database driver.
 */
final class ClockThreadSampler {

    private final Thread sampler;
    private final Map<String, Integer> busy = new HashMap<>();
    private volatile boolean stopped;
    private int samples;

    private ClockThreadSampler(String threadName) {
        sampler = new Thread(() -> sample(threadName), "clock-sampler");
        sampler.setDaemon(true);
    }

    static ClockThreadSampler start(String threadName) {
        ClockThreadSampler s = new ClockThreadSampler(threadName);
        s.sampler.start();
        return s;
    }

    private void sample(String threadName) {
        Thread clock = null;
        while (!stopped) {
            if (clock == null) {
                clock = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(threadName)).findFirst().orElse(null);
            } else {
                StackTraceElement[] stack = clock.getStackTrace();
                synchronized (this) {
                    samples++;
                    String where = where(stack);
                    if (where != null) {
                        busy.merge(where, 1, Integer::sum);
                    }
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The dialer's frame nearest the top, or null when the thread waits for work. */
    private static String where(StackTraceElement[] stack) {
        boolean database = false;
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (type.startsWith("com.mysql") || type.startsWith("org.h2") || type.startsWith("org.mariadb")) {
                database = true;
            }
            if (type.startsWith("org.opendialer")) {
                String name = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
                return database ? name + " (in the database)" : name;
            }
        }
        return null;
    }

    void stop() {
        stopped = true;
        sampler.interrupt();
    }

    synchronized void report(PrintWriter out) {
        int total = busy.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("  clock thread busy in  (%d of %d samples every 10 ms)%n", total, samples);
        busy.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                .forEach(e -> out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
        out.flush();
    }
}
