package org.opendialer.engine.simulation;

import java.util.List;

/**
 * Every policy's result on one scenario, plus the physical cap: no policy can keep agents busier than
 * 100 %, and with perfect knowledge of every call's outcome the talk share would be at most
 * E[talk] / (E[talk] + E[wrap]).
 */
public record SimulationReport(String scenario, int agents, int days, long firstSeed, List<PolicyResult> results,
                               double capOccupancy, double capTalkShare) {

    public SimulationReport {
        results = List.copyOf(results);
    }

    public PolicyResult result(String policy) {
        return results.stream().filter(r -> r.policy().equals(policy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for policy " + policy));
    }
}
