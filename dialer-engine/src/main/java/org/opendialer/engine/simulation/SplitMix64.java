package org.opendialer.engine.simulation;

/**
 * A tiny, fast, seedable generator (Steele, Lea and Flood's SplitMix64). One stream per lead record and
 * per agent gives common random numbers: the i-th dial sees the same draws whatever policy placed it.
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A stream for item {@code index} of the run seeded with {@code seed}. */
    static SplitMix64 forItem(long seed, long index) {
        SplitMix64 mixer = new SplitMix64(seed * 0x9E3779B97F4A7C15L + index);
        return new SplitMix64(mixer.nextLong() ^ index);
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in (0, 1): never exactly 0 or 1, so inverse CDFs stay finite. */
    double nextDouble() {
        return ((nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    double uniform(double min, double max) {
        return min + (max - min) * nextDouble();
    }
}
