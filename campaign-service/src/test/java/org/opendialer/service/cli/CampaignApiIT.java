package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The campaign REST API on a running server: validation, lifecycle, agents, live dialling, dispositions, Quartz. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignApiIT {

    private ConfigurableApplicationContext context;
    private Api api;
    private JdbcTemplate jdbc;

    @BeforeAll
    void serve() {
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:campaigns" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0");
        context = serve.start();
        api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    }

    @AfterAll
    void stop() {
        context.close();
    }

    private long campaign(String json) {
        Api.Reply created = api.post("/api/campaigns", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private List<Long> leads(long campaign, int count, String prefix) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, created_at, updated_at) VALUES (?, ?, 'UTC', ?, ?)",
                    campaign, String.format("%s%04d", prefix, i), now, now);
            ids.add(jdbc.queryForObject("SELECT MAX(id) FROM leads", Long.class));
        }
        return ids;
    }

    private static List<String> fields(Api.Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void aCampaignWithBadSettingsIsRefusedWithEveryOffendingField() {
        Api.Reply reply = api.post("/api/campaigns", """
                {"name": "bad", "abandonTarget": 0.2, "windowStart": "25:00", "mode": "TURBO", "ringTimeoutSeconds": 10,
                 "retryAbandonedSeconds": 3600, "defaultRegion": "XX", "windowDays": ["MON", "FUNDAY"],
                 "gradingWeights": "charm=5"}""");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply)).containsExactlyInAnyOrder("abandonTarget", "windowStart", "mode", "ringTimeoutSeconds",
                "retryAbandonedSeconds", "defaultRegion", "windowDays", "gradingWeights");
        assertThat(api.post("/api/campaigns", "{\"mode\": \"POWER\"}").json().get("errors").get(0).get("field").asText())
                .isEqualTo("name");
        assertThat(api.post("/api/campaigns", "{not json").status()).isEqualTo(400);
    }

    @Test
    void aRunningCampaignConnectsAReadyAgentAndTheDispositionTakesEffect() throws Exception {
        long id = campaign("""
                {"name": "live", "mode": "POWER", "modeFactor": 4, "windowStart": "00:00", "windowEnd": "23:59",
                 "reportZone": "UTC", "trunkLines": 20}""");
        List<Long> leads = leads(id, 200, "+1415555");
        assertThat(api.get("/api/campaigns/" + id + "/status").json().get("notDialingBecause").get(0).get("code").asText())
                .isEqualTo("NOT_RUNNING");
        Api.Reply weak = api.post("/api/users", "{\"username\": \"ann\", \"password\": \"short\", \"role\": \"AGENT\"}");
        assertThat(fields(weak)).containsExactly("password");
        long agent = api.post("/api/users", "{\"username\": \"ann\", \"password\": \"long-enough\", \"role\": \"AGENT\"}")
                .json().get("id").asLong();

        JsonNode started = api.post("/api/campaigns/" + id + "/start", null).json();
        assertThat(started.get("status").asText()).isEqualTo("RUNNING");
        assertThat(started.get("notDialingBecause").toString()).contains("NO_READY_AGENTS");
        assertThat(api.put("/api/campaigns/" + id, "{\"maxAttempts\": 3}").status()).as("no edits while running").isEqualTo(409);

        api.post("/api/agents/" + agent + "/login", "{\"campaignId\": " + id + "}");
        assertThat(api.post("/api/agents/" + agent + "/ready", null).json().get("state").asText()).isEqualTo("READY");
        JsonNode onCall = api.await("/api/agents/" + agent, Duration.ofSeconds(60), a -> a.get("state").asText().equals("ON_CALL"));
        long attempt = onCall.get("attemptId").asLong();
        long lead = jdbc.queryForObject("SELECT lead_id FROM call_attempts WHERE id = ?", Long.class, attempt);
        assertThat(leads).contains(lead);

        JsonNode screenPop = api.get("/api/leads/" + lead).json();
        assertThat(screenPop.get("attempts").get(0).get("state").asText()).isEqualTo("BRIDGED");
        assertThat(screenPop.get("attempts").get(0).get("agent_id").asLong()).isEqualTo(agent);

        assertThat(api.post("/api/attempts/" + attempt + "/disposition", "{\"code\": \"MAYBE\"}").status()).isEqualTo(400);
        Api.Reply badDefinition = api.post("/api/campaigns/" + id + "/dispositions", "{\"code\": \"x\", \"effect\": \"LATER\"}");
        assertThat(fields(badDefinition)).containsExactlyInAnyOrder("code", "label", "effect");
        JsonNode offered = api.post("/api/campaigns/" + id + "/dispositions",
                "{\"code\": \"SENT_BROCHURE\", \"label\": \"Sent brochure\", \"effect\": \"FINAL\", \"sale\": false}").json();
        assertThat(offered.toString()).contains("SENT_BROCHURE").contains("DO_NOT_CALL");
        JsonNode disposed = api.post("/api/attempts/" + attempt + "/disposition", "{\"code\": \"DO_NOT_CALL\"}").json();
        assertThat(disposed.get("leadStatus").asText()).isEqualTo("DNC");
        String phone = screenPop.get("phone_e164").asText();
        assertThat(api.get("/api/dnc/" + phone.replace("+", "%2B")).json().get("listed").asBoolean()).isTrue();

        Api.Reply report = api.get("/api/campaigns/" + id + "/reports/leads?format=csv");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().lines().count()).isEqualTo(201); // header + every lead, ranked
        assertThat(report.body().lines().skip(1).filter(l -> l.contains("+1415555")).findFirst().orElseThrow())
                .startsWith("1,");
        assertThat(api.get("/api/campaigns/" + id + "/reports/leads?format=pdf").status()).isEqualTo(400);
        assertThat(api.post("/api/campaigns/" + id + "/grades", null).json().get("graded").asInt()).isEqualTo(200);
        Api.Reply png = api.get("/api/campaigns/" + id + "/charts/connect-by-hour.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.body()).contains("PNG");
        assertThat(api.get("/api/campaigns/" + id + "/charts/pie.png").status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'REPORT_EXPORTED'", Long.class)).isPositive();
        assertThat(api.get("/actuator/prometheus").body()).contains("dialer_campaign_dial_level{campaign=\"" + id + "\"");
        JsonNode paused = api.post("/api/campaigns/" + id + "/pause", "{\"reason\": \"lunch\"}").json();
        assertThat(paused.get("status").asText()).isEqualTo("PAUSED");
        assertThat(api.put("/api/campaigns/" + id, "{\"maxAttempts\": 3}").json().get("maxAttempts").asInt()).isEqualTo(3);
        JsonNode weighted = api.put("/api/campaigns/" + id, "{\"gradingWeights\": \"interested=30, gradeA=80\"}").json();
        assertThat(weighted.get("gradingWeights").asText()).isEqualTo("interested=30, gradeA=80");
        assertThat(api.post("/api/campaigns/" + id + "/stop", null).json().get("status").asText()).isEqualTo("STOPPED");
        assertThat(api.post("/api/campaigns/" + id + "/pause", null).status()).as("a stopped campaign cannot pause").isEqualTo(409);
        assertThat(jdbc.queryForList("SELECT state FROM agent_state_log WHERE agent_id = ? ORDER BY id", String.class, agent))
                .startsWith("READY", "ON_CALL");
    }

    @Test
    void quartzStartsAScheduledCampaignAndFiresADueCallback() throws Exception {
        String start = Instant.now().plusSeconds(2).toString();
        long id = campaign("{\"name\": \"scheduled\", \"scheduledStart\": \"" + start + "\", \"windowStart\": \"00:00\", "
                + "\"windowEnd\": \"23:59\", \"reportZone\": \"UTC\"}");
        long lead = leads(id, 1, "+1415666").get(0);
        assertThat(api.post("/api/campaigns/" + id + "/schedule", null).json().get("status").asText()).isEqualTo("SCHEDULED");
        Api.Reply booked = api.post("/api/leads/" + lead + "/callbacks",
                "{\"at\": \"" + Instant.now().plusSeconds(2) + "\", \"note\": \"asked for a call back\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(api.post("/api/leads/" + lead + "/callbacks", "{\"at\": \"tomorrow\"}").status()).isEqualTo(400);

        api.await("/api/campaigns/" + id, Duration.ofSeconds(30), c -> c.get("status").asText().equals("RUNNING"));
        api.await("/api/campaigns/" + id + "/callbacks", Duration.ofSeconds(30),
                list -> list.size() == 1 && !list.get(0).get("status").asText().equals("PENDING"));
        api.post("/api/campaigns/" + id + "/stop", null);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        assertThat(api.get("/v3/api-docs").body()).contains("/api/campaigns/{id}/status").contains("/api/attempts/{id}/disposition");
    }
}
