package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stopping a campaign cuts nobody off: the agent on a call stays on it and the call is not ended by the stop;
 * a stop "now" hangs the call up, the attempt ends with a result and a cause, and the agent is logged out.
 */
class CampaignStopIT {

    @Test
    void aStopLetsTheLiveCallGoOnAndAStopNowEndsItWithARecordedResult() throws Exception {
        Path callees = Path.of(CampaignStopIT.class.getResource("/ui/eager-callees.yaml").toURI()); // ten-minute calls
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:stop" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0", "--dialer.simulated.callees=" + callees);
        try (ConfigurableApplicationContext context = serve.start()) {
            Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            long campaign = api.post("/api/campaigns", """
                    {"name": "stopping", "mode": "PROGRESSIVE", "windowStart": "00:00", "windowEnd": "23:59",
                     "reportZone": "UTC"}""").json().get("id").asLong();
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < 3; i++) {
                jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, created_at, updated_at) VALUES (?, ?, 'UTC', ?, ?)",
                        campaign, "+1415555020" + i, now, now);
            }
            long agent = api.post("/api/users", "{\"username\": \"ann\", \"password\": \"long-enough\", \"role\": \"AGENT\"}")
                    .json().get("id").asLong();
            api.post("/api/campaigns/" + campaign + "/start", null);
            api.post("/api/agents/" + agent + "/login", "{\"campaignId\": " + campaign + "}");
            api.post("/api/agents/" + agent + "/ready", null);
            long attempt = api.await("/api/agents/" + agent, Duration.ofSeconds(30), a -> a.get("state").asText().equals("ON_CALL"))
                    .get("attemptId").asLong();

            // when stopped, the call goes on with its agent
            assertThat(api.post("/api/campaigns/" + campaign + "/stop", null).json().get("status").asText()).isEqualTo("STOPPED");
            await("the agent stays on the call after the stop").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> api.get("/api/agents/" + agent).json().get("state").asText().equals("ON_CALL"));
            assertThat(jdbc.queryForObject("SELECT state FROM call_attempts WHERE id = ?", String.class, attempt)).isEqualTo("BRIDGED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ?", Long.class, campaign))
                    .as("no new call after the stop").isEqualTo(1);

            // when stopped now, the call ends with its result and the agent is logged out
            assertThat(api.post("/api/campaigns/" + campaign + "/stop?now=true", null).status()).isEqualTo(200);
            api.await("/api/agents/" + agent, Duration.ofSeconds(30), a -> a.get("state").asText().equals("LOGGED_OUT"));
            Map<String, Object> ended = jdbc.queryForMap("SELECT state, result, ended_at FROM call_attempts WHERE id = ?", attempt);
            assertThat(ended.get("state")).isEqualTo("ENDED");
            assertThat(ended.get("result")).isNotNull();
            assertThat(ended.get("ended_at")).isNotNull();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE state <> 'ENDED'", Long.class)).isZero();
        }
    }
}
