package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.asterisk.TestAmiServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code serve} configured with an Asterisk server dials an ASTERISK campaign through it (AMI on loopback). */
class AsteriskServeIT {

    @Test
    void anAsteriskCampaignDialsThroughTheConfiguredServerAndBridgesTheAgent() throws Exception {
        try (TestAmiServer asterisk = new TestAmiServer("s3cret", Map.of("14155550101", new TestAmiServer.Callee("human", 300, 0)))) {
            ServeCommand serve = new ServeCommand();
            serve.database.url = "jdbc:h2:mem:ast" + UUID.randomUUID().toString().replace("-", "")
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
            serve.springArgs = List.of("--server.port=0",
                    "--dialer.asterisk.servers=pbx1=dialer:s3cret@127.0.0.1:" + asterisk.port() + "/20/PJSIP/{number}@trunk1");
            try (ConfigurableApplicationContext context = serve.start()) {
                Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
                JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                long campaign = api.post("/api/campaigns", """
                        {"name": "on asterisk", "mode": "PROGRESSIVE", "telephony": "ASTERISK", "windowStart": "00:00",
                         "windowEnd": "23:59", "reportZone": "UTC"}""").json().get("id").asLong();
                Timestamp now = Timestamp.from(Instant.now());
                jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, created_at, updated_at) VALUES (?, '+14155550101', 'UTC', ?, ?)",
                        campaign, now, now);
                long agent = api.post("/api/users", "{\"username\": \"ann\", \"password\": \"long-enough\", \"role\": \"AGENT\", "
                        + "\"phoneEndpoint\": \"PJSIP/agent1001\"}").json().get("id").asLong();
                assertThat(api.post("/api/campaigns/" + campaign + "/start", null).status()).isEqualTo(200);
                api.post("/api/agents/" + agent + "/login", "{\"campaignId\": " + campaign + "}");
                api.post("/api/agents/" + agent + "/ready", null);

                api.await("/api/agents/" + agent, Duration.ofSeconds(20), a -> a.get("state").asText().equals("ON_CALL"));
                assertThat(asterisk.actions("Originate")).as("the agent's phone once at log-in, then the call")
                        .extracting(a -> a.get("Channel") + " " + a.get("Context"))
                        .containsExactly("PJSIP/agent1001 dialer-agent-line", "PJSIP/14155550101@trunk1 dialer-outbound");
                assertThat(asterisk.actions("Redirect")).singleElement().satisfies(a -> assertThat(a)
                        .containsEntry("Context", "dialer-agent").containsEntry("Exten", Long.toString(agent)));
                // the agent is busy from the moment the call is sent to them; the attempt is bridged once Asterisk says so
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                        "BRIDGED".equals(jdbc.queryForObject("SELECT state FROM call_attempts", String.class)));
                Map<String, Object> attempt = jdbc.queryForMap("SELECT state, server_name, channel, unique_id FROM call_attempts");
                assertThat(attempt).containsEntry("state", "BRIDGED");
                api.post("/api/campaigns/" + campaign + "/stop", null);
            }
        }
    }
}
