package org.opendialer.engine.simulation;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Tunes a reference policy's one parameter in hindsight: on the very days it is judged on, the most aggressive
 * setting whose pooled abandon rate stays at the scenario's target. Such a reference knows what no dialer can
 * know in advance, which is the point: the gap to it bounds what better pacing could still win.
 *
 * <p>Both families are monotone in their parameter (a smaller margin or a higher ratio dials more, so abandons
 * and occupancy rise together); a bisection to {@link #PRECISION} finds the boundary in about ten runs, each on
 * the same callees (common random numbers), so the noise between runs is small.
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
        int runs = 0;
        PolicyResult safeResult = run(scenario, spec.apply(safe), days, firstSeed);
        runs++;
        PolicyResult boldResult = run(scenario, spec.apply(bold), days, firstSeed);
        runs++;
        if (keepsTarget(scenario, boldResult)) {
            return new Tuned(spec.apply(bold), boldResult, runs);
        }
        while (Math.abs(bold - safe) > PRECISION) {
            double middle = round((safe + bold) / 2);
            if (middle == safe || middle == bold) {
                break;
            }
            PolicyResult result = run(scenario, spec.apply(middle), days, firstSeed);
            runs++;
            if (keepsTarget(scenario, result)) {
                safe = middle;
                safeResult = result;
            } else {
                bold = middle;
            }
        }
        return new Tuned(spec.apply(safe), safeResult, runs);
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
