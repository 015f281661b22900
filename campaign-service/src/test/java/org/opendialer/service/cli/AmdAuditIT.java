package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The AMD audit through the API: a MACHINE verdict passed to an agent is marked by that agent, the mark is stored
 * on the attempt, the campaign's measured false-machine share and the upper end of its interval move with it, and
 * the counts outlive the run, starting from what earlier days stored; a mark by another agent, for an attempt
 * never audited, or given twice is refused.
 */
class AmdAuditIT {

    @Test
    void anAgentMarksAnAuditedVerdictAndTheCampaignsFalseMachineShareMovesAcrossDays() throws Exception {
        Path callees = Path.of(AmdAuditIT.class.getResource("/ui/machine-callees.yaml").toURI()); // every callee a machine
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:amd" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0", "--dialer.simulated.callees=" + callees);
        try (ConfigurableApplicationContext context = serve.start()) {
            Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            long campaign = api.post("/api/campaigns", """
                    {"name": "audited", "mode": "PROGRESSIVE", "windowStart": "00:00", "windowEnd": "23:59", "reportZone": "UTC",
                     "amdEnabled": true, "amdAction": "HANG_UP", "amdAuditShare": 1.0}""").json().get("id").asLong();
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < 5; i++) {
                jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, created_at, updated_at) VALUES (?, ?, 'UTC', ?, ?)",
                        campaign, "+1415555030" + i, now, now);
            }
            // given earlier days' evidence: 1,000 MACHINE verdicts, 9,000 PERSON verdicts, 40 audited, no person among them
            jdbc.update("INSERT INTO amd_audit_counts (campaign_id, machine_verdicts, person_verdicts, audits, audited_people, "
                    + "updated_at) VALUES (?, 1000, 9000, 40, 0, ?)", campaign, now);
            JsonNode before = api.get("/api/campaigns/" + campaign + "/status").json().get("amdAudit");
            assertThat(before.get("audits").asLong()).isEqualTo(40);
            assertThat(before.get("measured").asBoolean()).as("40 audits are enough to measure").isTrue();
            assertThat(before.get("falseMachineShareSeen").asDouble()).isZero();
            double boundBefore = before.get("falseMachineShareUpperBound").asDouble();
            assertThat(boundBefore).isGreaterThan(0).isEqualTo(before.get("pacingAllowsFor").asDouble());

            long ann = agent(api, "ann");
            long bob = agent(api, "bob");
            assertThat(api.post("/api/campaigns/" + campaign + "/start", null).status()).isEqualTo(200);
            api.post("/api/agents/" + bob + "/login", "{\"campaignId\": " + campaign + "}");
            api.post("/api/agents/" + ann + "/login", "{\"campaignId\": " + campaign + "}");
            api.post("/api/agents/" + ann + "/ready", null);
            long attempt = api.await("/api/agents/" + ann, Duration.ofSeconds(30), a -> a.hasNonNull("attemptId")
                    && List.of("ON_CALL", "WRAP_UP").contains(a.get("state").asText())).get("attemptId").asLong();

            // another agent, or an attempt never passed on for the audit, is refused
            assertThat(api.post("/api/agents/" + bob + "/amd-audit", mark(attempt, true)).status()).isEqualTo(409);
            assertThat(api.post("/api/agents/" + ann + "/amd-audit", mark(attempt + 1000, true)).status()).isEqualTo(409);
            assertThat(api.post("/api/agents/" + ann + "/amd-audit", "{\"attemptId\": " + attempt + "}").status())
                    .isEqualTo(400);

            // when the agent who took it says a person was there
            assertThat(api.post("/api/agents/" + ann + "/amd-audit", mark(attempt, true)).status()).isEqualTo(200);

            assertThat(jdbc.queryForObject("SELECT amd_audit FROM call_attempts WHERE id = ?", String.class, attempt))
                    .isEqualTo("PERSON");
            JsonNode after = api.get("/api/campaigns/" + campaign + "/status").json().get("amdAudit");
            assertThat(after.get("audits").asLong()).isEqualTo(41);
            assertThat(after.get("auditedPeople").asLong()).isEqualTo(1);
            assertThat(after.get("machineVerdicts").asLong()).isGreaterThan(1000);
            assertThat(after.get("falseMachineShareSeen").asDouble()).isGreaterThan(0);
            assertThat(after.get("falseMachineShareUpperBound").asDouble()).isGreaterThan(boundBefore);
            assertThat(after.get("pacingAllowsFor").asDouble()).isEqualTo(after.get("falseMachineShareUpperBound").asDouble());
            assertThat(api.post("/api/agents/" + ann + "/amd-audit", mark(attempt, false)).status())
                    .as("marked once only").isEqualTo(409);

            // stopped, the campaign keeps its counts for the next day
            api.post("/api/campaigns/" + campaign + "/stop?now=true", null);
            api.await("/api/agents/" + ann, Duration.ofSeconds(30), a -> a.get("state").asText().equals("LOGGED_OUT"));
            assertThat(jdbc.queryForObject("SELECT audits FROM amd_audit_counts WHERE campaign_id = ?", Long.class, campaign))
                    .isEqualTo(41);
            assertThat(jdbc.queryForObject("SELECT audited_people FROM amd_audit_counts WHERE campaign_id = ?", Long.class,
                    campaign)).isEqualTo(1);
            JsonNode stored = api.get("/api/campaigns/" + campaign + "/status").json().get("amdAudit");
            assertThat(stored.get("audits").asLong()).isEqualTo(41);
            assertThat(stored.get("falseMachineShareUpperBound").asDouble())
                    .isEqualTo(after.get("falseMachineShareUpperBound").asDouble(), org.assertj.core.api.Assertions.within(0.01));
        }
    }

    private static long agent(Api api, String name) {
        return api.post("/api/users", "{\"username\": \"" + name + "\", \"password\": \"long-enough\", \"role\": \"AGENT\"}")
                .json().get("id").asLong();
    }

    private static String mark(long attempt, boolean person) {
        return "{\"attemptId\": " + attempt + ", \"person\": " + person + "}";
    }
}
