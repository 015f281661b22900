package org.opendialer.engine.pacing;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Builds policies from their command-line names: {@code predictive}, {@code progressive[:factor]},
 * {@code power:ratio}, {@code preview}, {@code agentless}, and for comparison {@code adapt-tapered},
 * {@code bp-feedback} and (simulation only) {@code oracle}; the references tuned in hindsight are
 * {@code oracle-fixed:margin} and {@code fixed-ratio:ratio}.
 */
public final class PacingPolicies {

    public static final List<String> NAMES =
            List.of("predictive", "progressive", "power:R", "preview", "agentless", "adapt-tapered", "bp-feedback", "oracle",
                    "oracle-fixed:Z", "fixed-ratio:R");

    private PacingPolicies() {
    }

    /**
     * @param forecast   exact release times, needed by {@code oracle} only (null elsewhere)
     * @param shiftEnd   end of the calling day, for {@code adapt-tapered}
     */
    public static PacingPolicy create(String spec, ReleaseForecast forecast, LocalTime shiftEnd, ZoneId zone) {
        String name = spec.trim().toLowerCase();
        String argument = null;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            argument = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        return switch (name) {
            case "predictive" -> new PredictivePolicy();
            case "progressive" -> new ProgressivePolicy(argument == null ? 1 : number(spec, argument));
            case "power" -> {
                if (argument == null) {
                    throw new IllegalArgumentException("power needs a ratio, e.g. power:1.5");
                }
                yield new PowerPolicy(number(spec, argument));
            }
            case "preview" -> new PreviewPolicy();
            case "agentless" -> new AgentlessPolicy();
            case "adapt-tapered" -> new AdaptTaperedPolicy(shiftEnd, zone);
            case "bp-feedback" -> new BinomialFeedbackPolicy();
            case "oracle" -> {
                if (forecast == null) {
                    throw new IllegalArgumentException("oracle pacing needs to know agents' future, so it runs only in simulation");
                }
                yield new OraclePolicy(forecast);
            }
            case "oracle-fixed" -> {
                if (forecast == null) {
                    throw new IllegalArgumentException("oracle pacing needs to know agents' future, so it runs only in simulation");
                }
                if (argument == null) {
                    throw new IllegalArgumentException("oracle-fixed needs a safety margin, e.g. oracle-fixed:0.8");
                }
                double margin = number(spec, argument);
                if (margin < -1.5 || margin > 4) {
                    throw new IllegalArgumentException("'" + spec + "': the margin must be between -1.5 and 4 standard deviations");
                }
                yield OraclePolicy.withFixedMargin(forecast, margin);
            }
            case "fixed-ratio" -> {
                if (argument == null) {
                    throw new IllegalArgumentException("fixed-ratio needs a ratio, e.g. fixed-ratio:2.2");
                }
                yield new FixedRatioPolicy(number(spec, argument));
            }
            default -> throw new IllegalArgumentException("unknown pacing policy '" + spec + "'; choose one of " + NAMES);
        };
    }

    /** A policy's parameter as its name shows it: at most three decimals, no trailing zeros. */
    public static String parameter(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static double number(String spec, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': '" + text + "' is not a number");
        }
    }
}
