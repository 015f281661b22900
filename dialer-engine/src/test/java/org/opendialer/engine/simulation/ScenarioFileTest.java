package org.opendialer.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioFileTest {

    @Test
    void everyBundledScenarioLoads() {
        for (String name : ScenarioFile.BUNDLED) {
            Scenario scenario = ScenarioFile.bundled(name);
            assertThat(scenario.name()).isEqualTo(name);
            assertThat(scenario.agents()).isPositive();
        }
        assertThat(ScenarioFile.BUNDLED).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aScenarioReadsItsDistributionsAndAfternoonDrop() {
        Scenario s4 = ScenarioFile.load("s4");
        assertThat(s4.connect().humanAt(1)).isEqualTo(0.30);
        assertThat(s4.connect().humanAt(2.5)).isCloseTo(0.225, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s4.connect().humanAt(4.9)).isEqualTo(0.15);
        assertThat(s4.connect().humanAt(5.1)).isEqualTo(0.35);
        assertThat(s4.talkSeconds()).isEqualTo(Distribution.logNormal(180, 180));
        assertThat(ScenarioFile.load("s7").talkSeconds()).isEqualTo(Distribution.exponential(60));
    }

    @Test
    void mistakesNameTheFileAndTheField() {
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", "agents: 5\nconnect: {human: 0.3}\ntalkSeconds: {gamma: 3}\nwrapSeconds: 10"))
                .hasMessage("team.yaml: talkSeconds: unknown distribution 'gamma' (use constant, exponential, lognormal or uniform)");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", "agents: five\nconnect: {human: 0.3}\ntalkSeconds: 60\nwrapSeconds: 10"))
                .hasMessage("team.yaml: agents: must be a whole number, got 'five'");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", "agents: 5\ntalkSeconds: 60\nwrapSeconds: 10"))
                .hasMessage("team.yaml: connect: is required");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", "agents: 5\nconnect: {human: 0.9}\ntalkSeconds: 60\nwrapSeconds: 10"))
                .hasMessageContaining("team.yaml: connect shares must be non-negative and add up to at most 1");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", "agents: 5\nconnect: {human: 0.3}\ntalkSeconds: 60\nwrapSeconds: 10\nnoAnswerTimeoutSeconds: 10"))
                .hasMessageContaining("at least 15");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", "agnets: 5"))
                .hasMessageContaining("team.yaml: unknown field 'agnets'");
        assertThatThrownBy(() -> ScenarioFile.load("no-such-scenario"))
                .hasMessageContaining("neither a file nor a bundled scenario");
    }

    private static final String VALID = "agents: 5\nconnect: {human: 0.3}\ntalkSeconds: 60\nwrapSeconds: 10\n";

    /** {@code VALID} with {@code line} added, or with the field of the same name replaced. */
    private static String with(String line) {
        String key = line.substring(0, line.indexOf(':'));
        String kept = VALID.lines().filter(l -> !l.startsWith(key + ":")).reduce("", (a, l) -> a + l + "\n");
        return kept + line + "\n";
    }

    @Test
    void machineDetectionIsToldWhatTheCampaignStatesAndAuditsAShareOfItsVerdicts() {
        Scenario unknown = ScenarioFile.parse("t.yaml", with("amd: {falseHuman: 0.2, falseMachine: 0.01}"));
        assertThat(unknown.amd().toldFalseMachine()).isNaN();
        assertThat(unknown.amd().auditShare()).isEqualTo(0.02);
        Scenario told = ScenarioFile.parse("t.yaml", with("amd: {falseMachine: 0.01, toldFalseMachine: 0.005, auditShare: 0.1}"));
        assertThat(told.amd().toldFalseMachine()).isEqualTo(0.005);
        assertThat(told.amd().auditShare()).isEqualTo(0.1);
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("amd: {toldFalseMachine: 0.8}")))
                .hasMessageStartingWith("t.yaml: amd: toldFalseMachine: must be at most 0.5");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("amd: {auditShare: 1.5}")))
                .hasMessageStartingWith("t.yaml: amd: auditShare: must be a share between 0 and 1");
    }

    @Test
    void valuesThatOnlyLookLikeNumbersAreRefusedWithTheirField() {
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("connect: {human: .nan}")))
                .hasMessage("t.yaml: connect: human: must be a finite number, got NaN");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("agents: 2.5")))
                .hasMessage("t.yaml: agents: must be a whole number, got '2.5'");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("agents: .nan")))
                .hasMessage("t.yaml: agents: must be a whole number, got 'NaN'");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("agents: 2000000000")))
                .hasMessage("t.yaml: agents: must be between 0 and 20000, got 2000000000");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("talkSeconds: {lognormal: {mean: .inf, cv: 1}}")))
                .hasMessageStartingWith("t.yaml: talkSeconds.lognormal: mean: must be a finite number");
    }

    @Test
    void schedulesAndAgentBehaviourMustMakeSense() {
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("connect: {human: 0.3, humanByHour: [[4, 0.2], [1, 0.3]]}")))
                .hasMessage("t.yaml: connect.humanByHour: points must be in order of the hour, 1.0 comes after 4.0");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("loginSpreadMinutes: -5")))
                .hasMessage("t.yaml: loginSpreadMinutes: must be at least 0.0, got -5.0");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("breaks: [{atHour: 2, minutes: -15}]")))
                .hasMessage("t.yaml: breaks: minutes: must be at least 0.0, got -15.0");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("breaks: [{atHour: 12, minutes: 15}]")))
                .hasMessage("t.yaml: breaks: a break at hour 12.0 is after the 8.0-hour shift");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("postCallPause: {probability: 0.1, minSeconds: 90, maxSeconds: 30}")))
                .hasMessage("t.yaml: postCallPause: minSeconds 90.0 is above maxSeconds 30.0");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("postCallPause: {probability: 1.5}")))
                .hasMessage("t.yaml: postCallPause: probability: must be a share between 0 and 1, got 1.5");
    }

    @Test
    void pacingSettingsAndDuplicateFieldsAreCheckedWithTheirField() {
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("abandonTarget: 3")))
                .hasMessage("t.yaml: abandonTarget: must be a share between 0 and 1 (exclusive), e.g. 0.03, got 3.0");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("expectedLiveRate: 0")))
                .hasMessage("t.yaml: expectedLiveRate: must be a share above 0 and at most 1, got 0.0");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", with("maxLinesPerAgent: 0.5")))
                .hasMessage("t.yaml: maxLinesPerAgent: must be between 1 and 10, got 0.5");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", VALID + "agents: 6\n"))
                .hasMessageStartingWith("t.yaml: not valid YAML").hasMessageContaining("duplicate key");
    }

    @Test
    void aFloorLargerThanItsTrunksIsLoadedWithAWarning() {
        Scenario big = ScenarioFile.parse("big.yaml", with("agents: 1000") + "trunkLines: 1500\n");
        assertThat(ScenarioFile.warnings(big)).singleElement().asString()
                .contains("trunkLines 1500").contains("1000 agents").contains("the trunks, not pacing, will cap this floor");
        assertThat(ScenarioFile.warnings(ScenarioFile.parse("t.yaml", VALID))).isEmpty();
    }

    @Test
    void aTeamLogsInInCohortsLeavesByExactNumbersTalksAtItsOwnPaceAndCallsAMixOfLists() {
        Scenario s = ScenarioFile.parse("team.yaml", """
                agents: 10
                connect:
                  human: 0.3
                  lists: [{share: 0.75, human: 0.4}, {share: 0.25, human: 0.2}]
                talkSeconds: 60
                wrapSeconds: 10
                logins: [{agents: 6, atMinute: 0, spreadMinutes: 5}, {agents: 4, atMinute: 60}]
                departures: [{agents: 5, atHour: 1.5, jitterMinutes: 2}]
                talkFactor: {lognormal: {mean: 1, cv: 0.3}}
                """);

        assertThat(s.behaviour().logins()).containsExactly(new Scenario.Cohort(6, 0, 5), new Scenario.Cohort(4, 60, 0));
        assertThat(s.behaviour().departures()).containsExactly(new Scenario.Departure(5, 1.5, 2));
        assertThat(s.behaviour().talkFactor()).isEqualTo(Distribution.logNormal(1, 0.3));
        assertThat(s.connect().humanAt(0, 0.5)).isEqualTo(0.4);
        assertThat(s.connect().humanAt(0, 0.9)).isEqualTo(0.2);
        assertThat(s.expectedLiveRate()).as("the mix on average").isCloseTo(0.35, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void teamAndListMistakesNameTheFileTheFieldAndTheEntry() {
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", with("logins: [{agents: 3}, {agents: 1, atMinute: 30}]")))
                .hasMessage("team.yaml: logins: the cohorts log in 4 agents, but the scenario has 5");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", with("logins: [{agents: 5}]") + "loginSpreadMinutes: 10\n"))
                .hasMessage("team.yaml: logins: give either logins or loginSpreadMinutes, not both");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", with("logins: [{agents: 4}, {agents: 1.5}]")))
                .hasMessage("team.yaml: logins[2]: agents: must be a whole number, got '1.5'");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", with("logins: [{agents: 5, atMinute: 600}]")))
                .hasMessage("team.yaml: logins[1]: atMinute: must be inside the 8.0-hour shift, got 600.0");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", with("departures: [{agents: 4, atHour: 2}, {agents: 2, atHour: 3}]")))
                .hasMessage("team.yaml: departures: 6 agents leave, but the scenario has only 5");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", with("departures: [{agents: 2}]")))
                .hasMessage("team.yaml: departures[1]: atHour: is required");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", with("departures: [{agents: 2, atHour: -1}]")))
                .hasMessage("team.yaml: departures[1]: atHour: must be at least 0.0, got -1.0");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", with("departures: [{agents: 2, atHour: 3, when: 4}]")))
                .hasMessageStartingWith("team.yaml: departures[1]: unknown field 'when'");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", with("departures: 3")))
                .hasMessageStartingWith("team.yaml: departures: must be a list of mappings");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml",
                with("connect: {human: 0.3, lists: [{share: 0.5, human: 0.4}, {share: 0.4, human: 0.2}]}")))
                .hasMessage("team.yaml: connect: lists: the lists' shares must add up to 1, they add up to 0.9");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml",
                with("connect: {human: 0.3, lists: [{share: 1, human: .nan}]}")))
                .hasMessage("team.yaml: connect: lists[1]: human: must be a finite number, got NaN");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml",
                with("connect: {human: 0.3, humanByHour: [[0, 0.3]], lists: [{share: 1, human: 0.2}]}")))
                .hasMessage("team.yaml: connect: lists: give either lists or humanByHour, not both");
        assertThatThrownBy(() -> ScenarioFile.parse("team.yaml", with("talkFactor: {constant: 0}")))
                .hasMessage("team.yaml: talkFactor: must average above 0, got 0.0");
    }
}
