package org.opendialer.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void theSameSeedGivesTheSameDayAndAnotherSeedAnotherDay() {
        Scenario s8 = ScenarioFile.load("s8");
        DayResult first = DaySimulation.run(s8, "predictive", 7);
        DayResult again = DaySimulation.run(s8, "predictive", 7);
        DayResult other = DaySimulation.run(s8, "predictive", 8);
        assertThat(again.callsPlaced()).isEqualTo(first.callsPlaced());
        assertThat(again.busySeconds()).isEqualTo(first.busySeconds());
        assertThat(again.abandoned()).isEqualTo(first.abandoned());
        assertThat(other.callsPlaced()).isNotEqualTo(first.callsPlaced());
    }

    @Test
    void progressiveNeverAbandonsAndPredictiveKeepsAgentsBusierWithinTheTarget() {
        SimulationReport report = Simulator.run(ScenarioFile.load("s1"), List.of("progressive", "predictive"), 2, 1001, true);
        PolicyResult progressive = report.result("progressive");
        PolicyResult predictive = report.result("predictive");
        assertThat(progressive.abandoned()).isZero();
        assertThat(progressive.occupancy()).isBetween(0.70, 0.82);
        assertThat(predictive.occupancy()).isGreaterThan(progressive.occupancy() + 0.08);
        assertThat(predictive.abandonRate()).isLessThanOrEqualTo(0.03);
        assertThat(predictive.twoSecondCompliance()).isGreaterThan(0.97);
        assertThat(report.capOccupancy()).isEqualTo(1.0);
        assertThat(report.capTalkShare()).isCloseTo(0.9, org.assertj.core.api.Assertions.within(0.001));
    }

    @Test
    void everyDialMeetsTheSameCalleeWhateverThePolicy() {
        Scenario s1 = ScenarioFile.load("s1");
        ScenarioCallees a = new ScenarioCallees(s1, 5, new org.opendialer.engine.clock.SimulatedClock(DaySimulation.SHIFT_START),
                DaySimulation.SHIFT_START.toEpochMilli());
        ScenarioCallees b = new ScenarioCallees(s1, 5, new org.opendialer.engine.clock.SimulatedClock(DaySimulation.SHIFT_START),
                DaySimulation.SHIFT_START.toEpochMilli());
        for (int i = 0; i < 100; i++) {
            assertThat(a.record(i, 0)).isEqualTo(b.record(i, 0));
        }
        assertThat(a.record(1, 0)).isNotEqualTo(a.record(2, 0));
    }

    @Test
    void machineDetectionMistakesCountAsAbandonedCallsAgainstTheDialer() {
        PolicyResult progressive = Simulator.run(ScenarioFile.load("s5"), List.of("progressive"), 1, 1001, false)
                .result("progressive");
        // progressive never runs out of agents, so every abandon is a person taken for a machine (1 %)
        assertThat(progressive.abandonRate()).isBetween(0.004, 0.02);
        assertThat(progressive.twoSecondCompliance()).isEqualTo(1.0);
    }

    @Test
    void agentsTakeBreaksAndSomeLeaveEarly() {
        Scenario s6 = ScenarioFile.load("s6");
        DayResult withChurn = DaySimulation.run(s6, "progressive", 1001);
        double fullShift = s6.agents() * s6.shiftSeconds();
        // logins over 20 min, 1 h of breaks each, pauses, a quarter leaving an hour early
        assertThat(withChurn.staffedSeconds()).isLessThan(fullShift * 0.85);
        assertThat(withChurn.staffedSeconds()).isGreaterThan(fullShift * 0.6);
    }

    private static final String TEAM = """
            agents: 10
            shiftHours: 2
            connect: {human: 0.3}
            talkSeconds: 60
            wrapSeconds: 5
            """;

    @Test
    void cohortsLogInWhenToldAndExactlyTheNamedNumberOfAgentsLeave() {
        Scenario s = ScenarioFile.parse("team.yaml", TEAM + """
                logins: [{agents: 6, atMinute: 0}, {agents: 4, atMinute: 60}]
                departures: [{agents: 5, atHour: 1.5}]
                """);
        DayResult day = DaySimulation.run(s, "progressive", 1001);
        // six agents for two hours and four for one, less half an hour for each of the five who leave (after their call)
        assertThat(day.staffedSeconds()).isCloseTo(6 * 7200 + 4 * 3600 - 5 * 1800, within(5 * 70.0));
    }

    @Test
    void anAgentsTalkFactorStretchesEveryLiveCallTheyTake() {
        DayResult plain = DaySimulation.run(ScenarioFile.parse("team.yaml", TEAM), "progressive", 1001);
        DayResult slow = DaySimulation.run(ScenarioFile.parse("team.yaml", TEAM + "talkFactor: 2\n"), "progressive", 1001);

        assertThat(plain.liveTalkSeconds() / plain.liveConnects()).isCloseTo(60, within(1.0));
        assertThat(slow.liveTalkSeconds() / slow.liveConnects()).isCloseTo(120, within(2.0));
    }

    @Test
    void aMixOfListsAnswersAsItsListsDoByTheirShares() {
        Scenario mixed = ScenarioFile.parse("team.yaml", TEAM.replace("connect: {human: 0.3}",
                "connect: {human: 0.3, lists: [{share: 0.5, human: 0.5}, {share: 0.5, human: 0.1}]}"));
        DayResult day = DaySimulation.run(mixed, "progressive", 1001);

        assertThat((double) day.liveAnswers() / day.callsPlaced()).isCloseTo(0.3, within(0.03));
        assertThat(mixed.expectedLiveRate()).isCloseTo(0.3, within(1e-9));
    }
}
