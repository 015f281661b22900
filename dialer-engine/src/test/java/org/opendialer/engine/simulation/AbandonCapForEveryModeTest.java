package org.opendialer.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Power dialling and progressive dialling with a factor over 1 place more calls than there are free agents,
 * so on their own they abandon far above the rules. At the cap the dialer holds every mode to one call per
 * free agent: over a day the pooled rate stays at the target.
 */
class AbandonCapForEveryModeTest {

    private static final String TEN_AGENTS = """
            agents: 10
            shiftHours: 3
            abandonTarget: 0.03
            connect: {human: 0.35, machine: 0.1, busy: 0.05, failed: 0.05}
            talkSeconds: {lognormal: {mean: 120, cv: 0.8}}
            wrapSeconds: {lognormal: {mean: 10, cv: 0.5}}
            """;

    @Test
    void powerFiveStaysUnderTheAbandonTarget() {
        PolicyResult power = run("power:5");
        assertThat(power.liveAnswers()).isGreaterThan(500);
        assertThat(power.abandonRate()).as("pooled abandon rate of power:5").isLessThanOrEqualTo(0.03 + margin(power));
    }

    @Test
    void progressiveWithAFactorOfThreeStaysUnderTheAbandonTarget() {
        PolicyResult progressive = run("progressive:3");
        assertThat(progressive.abandonRate()).as("pooled abandon rate of progressive:3")
                .isLessThanOrEqualTo(0.03 + margin(progressive));
    }

    @Test
    void theCapCostsPowerDiallingItsBurstsButNotItsAgents() {
        PolicyResult power = run("power:5");
        PolicyResult progressive = run("progressive");
        assertThat(power.occupancy()).isGreaterThanOrEqualTo(progressive.occupancy());
    }

    private static PolicyResult run(String policy) {
        Scenario scenario = ScenarioFile.parse("ten-agents.yaml", TEN_AGENTS);
        return Simulator.run(scenario, List.of(policy), 2, 91, false).result(policy);
    }

    /** Two standard errors of a binomial rate: what chance alone may add over a finite day. */
    private static double margin(PolicyResult result) {
        return 2 * Math.sqrt(0.03 * 0.97 / Math.max(1, result.liveAnswers()));
    }
}
