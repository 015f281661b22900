package org.opendialer.engine.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.opendialer.engine.pacing.PacingPolicies;

/**
 * Runs each policy for N independent days of a scenario, day d seeded {@code scenario.seed + d} for
 * every policy (common random numbers), and pools the figures. Days run in parallel; each is
 * deterministic on its own, so the report depends only on the scenario, the policies and the seed.
 */
public final class Simulator {

    private Simulator() {
    }

    public static SimulationReport run(Scenario scenario, List<String> policies, int days, long firstSeed, boolean parallel) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        for (String policy : policies) {
            PacingPolicies.create(policy, (agent, at) -> false, java.time.LocalTime.NOON, java.time.ZoneOffset.UTC);
        }
        List<PolicyResult> results = new ArrayList<>();
        for (String policy : policies) {
            IntStream dayIndexes = IntStream.range(0, days);
            if (parallel) {
                dayIndexes = dayIndexes.parallel();
            }
            DayResult[] dayResults = dayIndexes.mapToObj(d -> DaySimulation.run(scenario, policy, firstSeed + d))
                    .toArray(DayResult[]::new);
            results.add(pool(policy, scenario, dayResults));
        }
        double talk = scenario.talkSeconds().average();
        double wrap = scenario.wrapSeconds().average();
        return new SimulationReport(scenario.name(), scenario.agents(), days, firstSeed, results, 1.0, talk / (talk + wrap));
    }

    static PolicyResult pool(String policy, Scenario scenario, DayResult[] days) {
        double staffed = 0;
        double busy = 0;
        double talk = 0;
        long live = 0;
        long connects = 0;
        long abandoned = 0;
        long pacingAbandoned = 0;
        long placed = 0;
        int overTarget = 0;
        int hours = days[0].liveAnswersByHour().length;
        long[] liveByHour = new long[hours];
        long[] abandonedByHour = new long[hours];
        List<double[]> waits = new ArrayList<>();
        int waitCount = 0;
        double p50 = 0;
        double p99 = 0;
        for (DayResult day : days) {
            staffed += day.staffedSeconds();
            busy += day.busySeconds();
            talk += day.liveTalkSeconds();
            live += day.liveAnswers();
            connects += day.liveConnects();
            abandoned += day.abandoned();
            pacingAbandoned += day.pacingAbandoned();
            placed += day.callsPlaced();
            if (day.abandonRate() > scenario.abandonTarget()) {
                overTarget++;
            }
            for (int h = 0; h < hours; h++) {
                liveByHour[h] += day.liveAnswersByHour()[h];
                abandonedByHour[h] += day.abandonedByHour()[h];
            }
            waits.add(day.agentWaits());
            waitCount += day.agentWaits().length;
            p50 = Math.max(p50, day.decisionMillisP50());
            p99 = Math.max(p99, day.decisionMillisP99());
        }
        double maxHourly = 0;
        for (int h = 0; h < hours; h++) {
            if (liveByHour[h] > 0) {
                maxHourly = Math.max(maxHourly, (double) abandonedByHour[h] / liveByHour[h]);
            }
        }
        double[] allWaits = new double[waitCount];
        int i = 0;
        double waitSum = 0;
        for (double[] dayWaits : waits) {
            for (double w : dayWaits) {
                allWaits[i++] = w;
                waitSum += w;
            }
        }
        Arrays.sort(allWaits);
        double agentHours = staffed / 3600;
        return new PolicyResult(policy, staffed == 0 ? 0 : busy / staffed, live == 0 ? 0 : (double) abandoned / live,
                maxHourly, live, abandoned, placed, agentHours, agentHours == 0 ? 0 : talk / 3600 / agentHours,
                agentHours == 0 ? 0 : connects / agentHours, waitCount == 0 ? 0 : waitSum / waitCount,
                waitCount == 0 ? 0 : allWaits[Math.min(waitCount - 1, (int) Math.floor(0.95 * waitCount))],
                live == 0 ? 1 : 1 - (double) pacingAbandoned / live, (double) overTarget / days.length, days.length,
                p50, p99);
    }
}
