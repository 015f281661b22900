package org.opendialer.engine.pacing;

import org.apache.commons.math3.distribution.RealDistribution;

/**
 * An empirical distribution of durations in fixed-width bins, seeded with pseudo-observations from a
 * prior so that it answers sensibly before any real data, and dominated by data once there is some.
 * Cumulative sums are rebuilt lazily, so adding a sample is O(1) and a query is O(1).
 */
final class DurationHistogram {

    private static final int PRIOR_SAMPLES = 20;

    private final double binSeconds;
    private final double[] counts;
    private final double[] cumulative;
    private double total;
    private double totalAtRebuild;
    private double sum;
    private int changesSinceRebuild;

    DurationHistogram(double binSeconds, double maxSeconds, RealDistribution prior) {
        this.binSeconds = binSeconds;
        int bins = (int) Math.ceil(maxSeconds / binSeconds) + 1;
        this.counts = new double[bins];
        this.cumulative = new double[bins];
        double weight = 1.0 / 4; // the prior is worth PRIOR_SAMPLES / 4 real calls
        for (int i = 0; i < PRIOR_SAMPLES; i++) {
            add(prior.inverseCumulativeProbability((i + 0.5) / PRIOR_SAMPLES), weight);
        }
        rebuild();
    }

    void add(double seconds) {
        add(seconds, 1);
    }

    private void add(double seconds, double weight) {
        counts[bin(seconds)] += weight;
        total += weight;
        sum += weight * Math.max(0, seconds);
        changesSinceRebuild++;
    }

    double mean() {
        return total == 0 ? 0 : sum / total;
    }

    /** P(T &le; x). */
    double cdf(double seconds) {
        if (seconds < 0) {
            return 0;
        }
        refresh();
        return cumulative[bin(seconds)] / totalAtRebuild;
    }

    /**
     * P(T &le; elapsed + within | T &gt; elapsed): the chance something already running for {@code elapsed}
     * seconds ends within the next {@code within} seconds. Past the data the tail is taken as memoryless
     * with the overall mean, which is what little data can support.
     */
    double endsWithin(double elapsed, double within) {
        if (within <= 0) {
            return 0;
        }
        refresh();
        double done = elapsed <= 0 ? 0 : cumulative[bin(elapsed)];
        double remaining = totalAtRebuild - done;
        if (remaining < 3) {
            return 1 - StrictMath.exp(-within / Math.max(binSeconds, mean())); // same on every platform: seeded days replay
        }
        double end = cumulative[bin(elapsed + within)];
        return Math.max(0, Math.min(1, (end - done) / remaining));
    }

    /** P(T &gt; x). */
    double survival(double seconds) {
        return 1 - cdf(seconds);
    }

    double quantile(double p) {
        refresh();
        double target = p * totalAtRebuild;
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (lo + 0.5) * binSeconds;
    }

    private int bin(double seconds) {
        int b = (int) (seconds / binSeconds);
        return b < 0 ? 0 : Math.min(b, counts.length - 1);
    }

    private void refresh() {
        if (changesSinceRebuild > Math.max(8, total / 50)) {
            rebuild();
        }
    }

    private void rebuild() {
        double running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i];
            cumulative[i] = running;
        }
        totalAtRebuild = running;
        changesSinceRebuild = 0;
    }
}
