package org.opendialer.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A thousand agents logging in at once on ten thousand trunks, with a list that answers better than the
 * manager expects: the first burst is sized on what is known, the answer share does not run away on the first
 * answers back, and the floor is busy within the first hour without breaking the cap.
 */
class BigFloorStartTest {

    static Scenario firstTwoHours(Scenario s) {
        return new Scenario(s.name(), s.description(), s.agents(), 2, s.seed(), s.trunkLines(), s.abandonTarget(),
                s.abandonWindow(), s.maxLinesPerAgent(), s.connect(), s.setupSeconds(), s.answerDelaySeconds(),
                s.machineAnswerSeconds(), s.noAnswerTimeoutSeconds(), s.talkSeconds(), s.wrapSeconds(), s.patienceSeconds(),
                s.amd(), s.leads(), s.expectedTalkSeconds(), s.expectedLiveRate(), s.behaviour());
    }

    @Test
    void aThousandAgentsStartWithoutABurstOfAbandons() {
        Scenario s10 = firstTwoHours(ScenarioFile.load("s10-thousand-agents"));
        assertThat(s10.agents()).isEqualTo(1000);
        assertThat(s10.expectedLiveRate()).isLessThan(s10.connect().human());

        DayResult day = DaySimulation.run(s10, "predictive", 1001);

        double firstHour = (double) day.abandonedByHour()[0] / day.liveAnswersByHour()[0];
        assertThat(firstHour).as("abandon rate of the first hour").isLessThanOrEqualTo(0.05);
        assertThat(day.abandonRate()).as("abandon rate of the two hours").isLessThanOrEqualTo(0.03);
        assertThat(day.occupancy()).as("occupancy of the two hours").isGreaterThan(0.95);
    }
}
