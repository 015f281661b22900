package org.opendialer.engine.simulation;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Tunes a reference policy's one parameter in hindsight: on the very days it is judged on, the setting with the
 * highest occupancy whose pooled abandon rate stays at the scenario's target. Such a reference knows what no dialer can
 * know in advance, which is the point: the gap to it bounds what better pacing could still win.
 *
 * <p>Both families are monotone in their parameter (a smaller margin or a higher ratio dials more, so abandons
 * and occupancy rise together); a bisection to {@link #PRECISION} finds the boundary in about ten runs, each on
 * the same callees (common random numbers), so the noise between runs is small. The steps around the boundary are
 * tried too, and the best occupancy among every setting that keeps the target is taken.
 */
public final class HindsightTuning {

    /** The families that can be tuned, by the name {@code simulate --tune} takes. */
    public static final List<String> FAMILIES = List.of("oracle-fixed", "fixed-ratio");
    static final double PRECISION = 0.01;

    private HindsightTuning() {
    }

    /** The tuned policy's name (e.g. {@code oracle-fixed:0.84}) and its figures on those days. */
    public record Tuned(String policy, PolicyResult result, int runs) {
    }

    public static Tuned tune(Scenario scenario, String family, int days, long firstSeed) {
        return switch (family) {
            // a larger margin dials less: find the smallest margin that keeps the target
            case "oracle-fixed" -> boundary(scenario, days, firstSeed, z -> "oracle-fixed:" + format(z), -1.5, 4, false);
            // a larger ratio dials more: find the largest ratio that keeps the target
            case "fixed-ratio" -> boundary(scenario, days, firstSeed, r -> "fixed-ratio:" + format(r), 1, 10, true);
            default -> throw new IllegalArgumentException("cannot tune '" + family + "'; choose one of " + FAMILIES);
        };
    }

    private static Tuned boundary(Scenario scenario, int days, long firstSeed, DoubleFunction<String> spec, double low,
                                  double high, boolean moreIsBolder) {
        double safe = moreIsBolder ? low : high;
        double bold = moreIsBolder ? high : low;
        Best best = new Best(scenario);
        best.consider(spec.apply(safe), run(scenario, spec.apply(safe), days, firstSeed));
        PolicyResult boldResult = run(scenario, spec.apply(bold), days, firstSeed);
        if (best.consider(spec.apply(bold), boldResult)) {
            return best.tuned();
        }
        while (Math.abs(bold - safe) > PRECISION) {
            double middle = round((safe + bold) / 2);
            if (middle == safe || middle == bold) {
                break;
            }
            if (best.consider(spec.apply(middle), run(scenario, spec.apply(middle), days, firstSeed))) {
                safe = middle;
            } else {
                bold = middle;
            }
        }
        // the boundary is where the cap bites; one step either side on the same days, in case chance bends the curve
        for (double step : new double[] {PRECISION, -PRECISION, 2 * PRECISION}) {
            double next = round(safe + (moreIsBolder ? step : -step));
            if (next >= Math.min(low, high) && next <= Math.max(low, high) && !best.tried(spec.apply(next))) {
                best.consider(spec.apply(next), run(scenario, spec.apply(next), days, firstSeed));
            }
        }
        return best.tuned();
    }

    /**
     * Every setting tried, and among those that keep the target the one with the highest occupancy: the curve is
     * monotone in expectation, but on a finite set of days one setting a step bolder can occupy agents less.
     */
    private static final class Best {
        private final Scenario scenario;
        private final java.util.Set<String> tried = new java.util.HashSet<>();
        private String policy;
        private PolicyResult result;

        Best(Scenario scenario) {
            this.scenario = scenario;
        }

        /** @return true when this setting keeps the target */
        boolean consider(String candidate, PolicyResult outcome) {
            tried.add(candidate);
            boolean keeps = keepsTarget(scenario, outcome);
            if (keeps && (result == null || outcome.occupancy() > result.occupancy())) {
                policy = candidate;
                result = outcome;
            }
            return keeps;
        }

        boolean tried(String candidate) {
            return tried.contains(candidate);
        }

        Tuned tuned() {
            if (result == null) {
                throw new IllegalStateException("no setting of the reference keeps the target on " + scenario.name());
            }
            return new Tuned(policy, result, tried.size());
        }
    }

    private static boolean keepsTarget(Scenario scenario, PolicyResult result) {
        return result.abandonRate() <= scenario.abandonTarget();
    }

    private static PolicyResult run(Scenario scenario, String policy, int days, long firstSeed) {
        return Simulator.run(scenario, List.of(policy), days, firstSeed, true).result(policy);
    }

    private static double round(double value) {
        return Math.round(value / PRECISION) * PRECISION;
    }

    /** The name's spelling of a setting already on the 0.01 grid (the policies print their parameter the same way). */
    private static String format(double value) {
        return org.opendialer.engine.pacing.PacingPolicies.parameter(round(value));
    }
}
