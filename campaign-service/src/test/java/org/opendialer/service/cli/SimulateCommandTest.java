package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @Test
    void printsOneJsonRowPerPolicyWithEveryMetric() throws Exception {
        CliRun run = CliRun.of("simulate", "--scenario", "s8", "--policy", "progressive,power:1.5,predictive",
                "--seed", "42", "--days", "2", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("scenario").asText()).isEqualTo("s8-tiny-team");
        assertThat(root.get("results")).hasSize(3);
        JsonNode progressive = root.get("results").get(0);
        assertThat(progressive.get("policy").asText()).isEqualTo("progressive");
        for (String field : new String[] {"occupancy", "abandonRate", "maxHourlyAbandonRate", "liveAnswers", "abandoned",
                "callsPlaced", "agentHours", "talkHoursPerAgentHour", "connectsPerAgentHour", "meanAgentWaitSeconds",
                "p95AgentWaitSeconds", "twoSecondCompliance", "daysOverTarget"}) {
            assertThat(progressive.has(field)).as(field).isTrue();
        }
        assertThat(progressive.get("abandoned").asLong()).isZero();
        assertThat(progressive.get("agentHours").asDouble()).isGreaterThan(70); // 5 agents × 8 h × 2 days
    }

    @Test
    void printsAHeaderAndOneCsvRowPerPolicy() {
        CliRun run = CliRun.of("simulate", "--scenario", "s8", "--policy", "progressive,predictive", "--seed", "42",
                "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(String.join(",", SimulateCommand.CSV_COLUMNS));
        assertThat(lines.get(1)).startsWith("s8-tiny-team,5,progressive,1,42,");
        assertThat(lines.get(2).split(",")).hasSize(SimulateCommand.CSV_COLUMNS.size());
        assertThat(CliRun.of("simulate", "--scenario", "s8", "--format", "xml").err())
                .contains("--format must be table, json or csv, not 'xml'");
    }

    @Test
    void warnsWhenTheTrunksAreTooFewForTheFloor(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("narrow.yaml");
        Files.writeString(file, "agents: 20\nshiftHours: 0.5\ntrunkLines: 25\nconnect: {human: 0.3}\ntalkSeconds: 60\nwrapSeconds: 5\n");
        CliRun run = CliRun.of("simulate", "--scenario", file.toString(), "--policy", "progressive", "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: narrow: trunkLines 25 carry fewer lines than 20 agents");
    }

    @Test
    void aScenarioMistakeNamesTheFileAndTheFieldAndExitsWithOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "agents: 2000000000\nconnect: {human: 0.3}\ntalkSeconds: 60\nwrapSeconds: 5\n");
        CliRun run = CliRun.of("simulate", "--scenario", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("bad.yaml: agents: must be between 0 and 20000, got 2000000000");
    }

    @Test
    void theSameSeedPrintsTheSameNumbers() {
        String[] args = {"simulate", "--scenario", "s8", "--policy", "predictive", "--seed", "9", "--format", "json"};
        assertThat(CliRun.of(args).out()).isEqualTo(CliRun.of(args).out());
    }

    @Test
    void readsAScenarioFileAndPrintsATable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("team.yaml");
        Files.writeString(file, """
                name: evening-team
                agents: 6
                shiftHours: 2
                connect: {human: 0.3}
                talkSeconds: {exponential: 90}
                wrapSeconds: 10
                """);
        CliRun run = CliRun.of("simulate", "--scenario", file.toString(), "--policy", "progressive,predictive");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("evening-team: 6 agents").contains("progressive").contains("predictive")
                .contains("physical cap").contains("decide p50/p99").containsPattern("\\d+\\.\\d{3}/\\d+\\.\\d{3} ms");
    }

    @Test
    void aBrokenScenarioIsOneLineNamingTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "agents: 5\nconnect: {human: 0.3}\ntalkSeconds: {weibull: 3}\nwrapSeconds: 10\n");
        CliRun run = CliRun.of("simulate", "--scenario", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(
                "error: bad.yaml: talkSeconds: unknown distribution 'weibull' (use constant, exponential, lognormal or uniform)");
        assertThat(CliRun.of("simulate", "--scenario", "s1", "--policy", "magic").err()).contains("unknown pacing policy 'magic'");
    }
}
