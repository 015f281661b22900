package org.opendialer.engine.simulation;

import java.util.List;

/** Not a test: prints every bundled scenario's figures, for tuning by hand. */
public final class SimulatorProbe {
    public static void main(String[] args) {
        int days = Integer.parseInt(args.length > 0 ? args[0] : "4");
        List<String> policies = List.of(args.length > 1 ? args[1].split(",") : new String[] {"progressive", "adapt-tapered", "predictive", "oracle"});
        List<String> scenarios = args.length > 2 ? List.of(args[2].split(",")) : ScenarioFile.BUNDLED;
        for (String name : scenarios) {
            Scenario s = ScenarioFile.load(name);
            long t = System.nanoTime();
            SimulationReport r = Simulator.run(s, policies, days, s.seed(), true);
            System.out.printf("%s (%.1fs)%n", name, (System.nanoTime() - t) / 1e9);
            for (PolicyResult p : r.results()) {
                System.out.printf("  %-14s occ %5.1f%%  ab %5.2f%%  maxHr %5.2f%%  over %4.2f  p99 %.2fms%n", p.policy(), p.occupancy() * 100,
                        p.abandonRate() * 100, p.maxHourlyAbandonRate() * 100, p.daysOverTarget(), p.decisionMillisP99());
            }
        }
    }
}
