package org.opendialer.engine.pacing;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Builds policies from their command-line names: {@code predictive}, {@code progressive[:factor]},
 * {@code power:ratio}, {@code preview}, {@code agentless}, and for comparison {@code adapt-tapered},
 * {@code bp-feedback} and (simulation only) {@code oracle}.
 */
public final class PacingPolicies {

    public static final List<String> NAMES =
            List.of("predictive", "progressive", "power:R", "preview", "agentless", "adapt-tapered", "bp-feedback", "oracle");

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
            default -> throw new IllegalArgumentException("unknown pacing policy '" + spec + "'; choose one of " + NAMES);
        };
    }

    private static double number(String spec, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': '" + text + "' is not a number");
        }
    }
}
