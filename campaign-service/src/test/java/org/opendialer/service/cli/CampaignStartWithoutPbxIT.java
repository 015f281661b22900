package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign whose Asterisk does not answer is refused at start and keeps its status: it never dials by itself
 * later. A robot campaign on Asterisk is refused when the robot could not answer its calls: without a talk track,
 * or without the robot's media server.
 */
class CampaignStartWithoutPbxIT {

    @Test
    void startingWhileAsteriskIsDownIsRefusedAndTheCampaignStaysAsItWas() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort(); // nothing listens once the probe is closed
        }
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:down" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0", "--dialer.robot.media.port=0",
                "--dialer.asterisk.servers=pbx1=dialer:s3cret@127.0.0.1:" + closedPort + "/20/PJSIP/{number}@trunk1");
        try (ConfigurableApplicationContext context = serve.start()) {
            Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            long campaign = api.post("/api/campaigns", """
                    {"name": "pbx down", "mode": "PROGRESSIVE", "telephony": "ASTERISK", "windowStart": "00:00",
                     "windowEnd": "23:59", "reportZone": "UTC"}""").json().get("id").asLong();

            Api.Reply refused = api.post("/api/campaigns/" + campaign + "/start", null);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("Asterisk");
            assertThat(jdbc.queryForObject("SELECT status FROM campaigns WHERE id = ?", String.class, campaign)).isEqualTo("DRAFT");
            assertThat(api.get("/api/campaigns/" + campaign + "/status").json().get("status").asText()).isEqualTo("DRAFT");

            long robot = api.post("/api/campaigns", """
                    {"name": "robot on asterisk", "mode": "AGENTLESS", "telephony": "ASTERISK", "windowStart": "00:00",
                     "windowEnd": "23:59", "reportZone": "UTC"}""").json().get("id").asLong();
            Api.Reply noRobot = api.post("/api/campaigns/" + robot + "/start", null);
            assertThat(noRobot.status()).isEqualTo(409);
            assertThat(noRobot.body()).contains("is AGENTLESS but has no talk track for the robot");
            assertThat(jdbc.queryForObject("SELECT status FROM campaigns WHERE id = ?", String.class, robot)).isEqualTo("DRAFT");
        }
    }

    @Test
    void startingOnAnAsteriskWithoutTheDialersDialplanIsRefusedNamingTheMissingContext() throws Exception {
        try (org.opendialer.engine.asterisk.TestAmiServer asterisk = new org.opendialer.engine.asterisk.TestAmiServer("s3cret", java.util.Map.of())) {
            asterisk.dialplan(java.util.Set.of("dialer-outbound", "dialer-agent-line", "dialer-agent", "dialer-message"));
            ServeCommand serve = new ServeCommand();
            serve.database.url = "jdbc:h2:mem:noctx" + UUID.randomUUID().toString().replace("-", "")
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
            serve.springArgs = List.of("--server.port=0", "--dialer.robot.media.enabled=false",
                    "--dialer.asterisk.servers=pbx1=dialer:s3cret@127.0.0.1:" + asterisk.port() + "/20/PJSIP/{number}@trunk1");
            try (ConfigurableApplicationContext context = serve.start()) {
                Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
                long campaign = api.post("/api/campaigns", """
                        {"name": "no safe harbour", "mode": "PROGRESSIVE", "telephony": "ASTERISK", "windowStart": "00:00",
                         "windowEnd": "23:59", "reportZone": "UTC"}""").json().get("id").asLong();

                Api.Reply refused = api.post("/api/campaigns/" + campaign + "/start", null);

                assertThat(refused.status()).isEqualTo(409);
                assertThat(refused.body()).contains("pbx1 has no dialplan context 'dialer-safe-harbour'");
                assertThat(api.get("/api/campaigns/" + campaign).json().get("status").asText()).isEqualTo("DRAFT");

                long robot = api.post("/api/campaigns", """
                        {"name": "robot without media", "mode": "AGENTLESS", "telephony": "ASTERISK", "windowStart": "00:00",
                         "windowEnd": "23:59", "reportZone": "UTC"}""").json().get("id").asLong();
                Api.Reply noMedia = api.post("/api/campaigns/" + robot + "/start", null);
                assertThat(noMedia.status()).isEqualTo(409);
                assertThat(noMedia.body()).contains("the robot's media server is not running: it is switched off (dialer.robot.media.enabled=false)");
            }
        }
    }
}
