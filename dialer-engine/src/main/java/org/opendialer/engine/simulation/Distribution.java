package org.opendialer.engine.simulation;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * A duration distribution in a scenario: exponential (mean), log-normal (mean and sd), uniform (min,
 * max) or constant. Sampled by inversion from one uniform draw, so a record's draw maps to the same
 * quantile whatever else changes.
 */
public record Distribution(Kind kind, double mean, double spread) {

    public enum Kind { CONSTANT, EXPONENTIAL, LOGNORMAL, UNIFORM }

    public Distribution {
        if (kind == null) {
            throw new IllegalArgumentException("distribution kind is missing");
        }
        if (kind != Kind.UNIFORM && !(mean >= 0)) {
            throw new IllegalArgumentException(kind.name().toLowerCase() + " mean must not be negative, was " + mean);
        }
        if (kind == Kind.LOGNORMAL && !(spread > 0 && mean > 0)) {
            throw new IllegalArgumentException("lognormal needs a positive mean and sd, was mean " + mean + " sd " + spread);
        }
        if (kind == Kind.UNIFORM && !(spread >= mean && mean >= 0)) {
            throw new IllegalArgumentException("uniform needs 0 <= min <= max, was " + mean + ".." + spread);
        }
    }

    public static Distribution constant(double value) {
        return new Distribution(Kind.CONSTANT, value, 0);
    }

    public static Distribution exponential(double mean) {
        return new Distribution(Kind.EXPONENTIAL, mean, 0);
    }

    public static Distribution logNormal(double mean, double sd) {
        return new Distribution(Kind.LOGNORMAL, mean, sd);
    }

    public static Distribution uniform(double min, double max) {
        return new Distribution(Kind.UNIFORM, min, max);
    }

    /** The mean of the distribution (for uniform: the midpoint). */
    public double average() {
        return kind == Kind.UNIFORM ? (mean + spread) / 2 : mean;
    }

    /**
     * The value at quantile {@code u} (0 &lt; u &lt; 1). StrictMath, not Math: the same draw on every JVM and
     * processor, so a seed gives the same day everywhere.
     */
    public double sample(double u) {
        return switch (kind) {
            case CONSTANT -> mean;
            case EXPONENTIAL -> -mean * StrictMath.log(1 - u);
            case UNIFORM -> mean + (spread - mean) * u;
            case LOGNORMAL -> {
                double sigma2 = StrictMath.log(1 + (spread * spread) / (mean * mean));
                double mu = StrictMath.log(mean) - sigma2 / 2;
                yield StrictMath.exp(mu + Math.sqrt(2 * sigma2) * Erf.erfInv(2 * u - 1));
            }
        };
    }

    /** P(X &le; x). */
    public double cdf(double x) {
        return asRealDistribution().cumulativeProbability(x);
    }

    /** The same law as a Commons Math distribution. */
    public RealDistribution asRealDistribution() {
        return switch (kind) {
            case CONSTANT -> new UniformRealDistribution(mean, mean + 1e-9);
            case EXPONENTIAL -> new ExponentialDistribution(null, Math.max(mean, 1e-9));
            case UNIFORM -> new UniformRealDistribution(mean, Math.max(spread, mean + 1e-9));
            case LOGNORMAL -> logNormal();
        };
    }

    private LogNormalDistribution logNormal() {
        double sigma2 = StrictMath.log(1 + (spread * spread) / (mean * mean));
        return new LogNormalDistribution(null, StrictMath.log(mean) - sigma2 / 2, Math.sqrt(sigma2), 1e-9);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONSTANT -> "constant " + mean;
            case EXPONENTIAL -> "exponential mean " + mean;
            case UNIFORM -> "uniform " + mean + ".." + spread;
            case LOGNORMAL -> "lognormal mean " + mean + " sd " + spread;
        };
    }
}
