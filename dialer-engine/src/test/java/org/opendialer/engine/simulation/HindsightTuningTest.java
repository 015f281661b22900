package org.opendialer.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reference tuned in hindsight sits on the boundary: its setting keeps the pooled abandon rate at the target
 * on the very days it is judged on, and one step bolder either breaks it or keeps agents less busy.
 */
class HindsightTuningTest {

    private static final Scenario TEAM = ScenarioFile.parse("team.yaml", """
            agents: 12
            shiftHours: 2
            connect: {human: 0.3, machine: 0.1, busy: 0.05, failed: 0.05}
            talkSeconds: {lognormal: {mean: 90, cv: 0.8}}
            wrapSeconds: {lognormal: {mean: 10, cv: 0.5}}
            """);

    @Test
    void theTunedOracleMarginKeepsTheTargetAndNoSmallerOneDoesBetter() {
        HindsightTuning.Tuned tuned = HindsightTuning.tune(TEAM, "oracle-fixed", 3, 7);

        assertThat(tuned.policy()).startsWith("oracle-fixed:");
        assertThat(tuned.result().abandonRate()).isLessThanOrEqualTo(0.03);
        double margin = Double.parseDouble(tuned.policy().substring("oracle-fixed:".length()));
        String bolder = "oracle-fixed:" + (Math.round((margin - HindsightTuning.PRECISION) * 100) / 100.0);
        PolicyResult next = Simulator.run(TEAM, List.of(bolder), 3, 7, true).result(bolder);
        assertThat(next.abandonRate() > 0.03 || next.occupancy() <= tuned.result().occupancy())
                .as("%s: abandon %.4f, occupancy %.4f against %.4f", bolder, next.abandonRate(), next.occupancy(),
                        tuned.result().occupancy()).isTrue();
    }

    @Test
    void theTunedRatioKeepsTheTargetAndDialsMoreThanProgressive() {
        HindsightTuning.Tuned tuned = HindsightTuning.tune(TEAM, "fixed-ratio", 3, 7);
        PolicyResult progressive = Simulator.run(TEAM, List.of("progressive"), 3, 7, true).result("progressive");

        assertThat(tuned.result().abandonRate()).isLessThanOrEqualTo(0.03);
        assertThat(tuned.result().callsPlaced()).isGreaterThan(progressive.callsPlaced());
    }

    @Test
    void onlyTheReferenceFamiliesCanBeTuned() {
        assertThatThrownBy(() -> HindsightTuning.tune(TEAM, "predictive", 1, 7))
                .hasMessageContaining("cannot tune 'predictive'");
    }
}
