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
                .hasMessage("team.yaml: agents: must be a number, got 'five'");
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
}
