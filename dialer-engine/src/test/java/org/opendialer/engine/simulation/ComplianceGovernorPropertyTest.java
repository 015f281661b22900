package org.opendialer.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: on any team and list, over many days, predictive pacing keeps the pooled abandon rate under
 * the target plus the margin chance alone allows (two standard errors of a binomial rate).
 */
class ComplianceGovernorPropertyTest {

    @Test
    void predictiveStaysUnderTheTargetOnRandomTeamsAndLists() {
        Random random = new Random(20261124);
        for (int trial = 0; trial < 6; trial++) {
            int agents = 5 + random.nextInt(40);
            double live = 0.1 + random.nextDouble() * 0.35;
            double talk = 60 + random.nextDouble() * 240;
            double wrap = 5 + random.nextDouble() * 25;
            String yaml = """
                    agents: %d
                    shiftHours: 4
                    connect: {human: %.3f, machine: 0.1, busy: 0.05, failed: 0.03}
                    talkSeconds: {lognormal: {mean: %.1f, cv: 1.0}}
                    wrapSeconds: {lognormal: {mean: %.1f, cv: 0.5}}
                    expectedTalkSeconds: 120
                    expectedLiveRate: 0.25
                    """.formatted(agents, live, talk, wrap);
            Scenario scenario = ScenarioFile.parse("random-" + trial + ".yaml", yaml);
            PolicyResult result = Simulator.run(scenario, List.of("predictive"), 4, 500 + trial, true).result("predictive");
            double margin = 2 * Math.sqrt(0.03 * 0.97 / Math.max(1, result.liveAnswers()));
            assertThat(result.abandonRate())
                    .as("%d agents, %.0f %% live, talk %.0f s: abandon rate", agents, live * 100, talk)
                    .isLessThanOrEqualTo(0.03 + margin);
            assertThat(result.occupancy()).isGreaterThan(0.3);
        }
    }
}
