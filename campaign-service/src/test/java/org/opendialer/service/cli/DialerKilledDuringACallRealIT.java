package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opendialer.db.DatabaseSettings;
import org.opendialer.db.Databases;
import org.opendialer.engine.asterisk.AsteriskServer;
import org.opendialer.engine.asterisk.RealAsterisk;
import org.opendialer.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code serve} killed with SIGKILL while an agent talks to a callee on a real Asterisk 22, and started again: the
 * call goes on, the new process takes it over ({@code dialer-<attempt>} is still up) and closes the attempt with
 * Asterisk's result when the callee hangs up, the lead is not retried, and the agent's phone is hung up then.
 */
class DialerKilledDuringACallRealIT {

    @RegisterExtension
    static final RealAsterisk ASTERISK = new RealAsterisk();
    /** A callee who talks for 60 s: long enough to outlive the dialer's restart on a loaded machine. */
    private static final String LONG_TALKER = "+14155550191";

    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process serve(DatabaseSettings db, int port, String log) throws Exception {
        AsteriskServer pbx = ASTERISK.server(10);
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), "org.opendialer.service.cli.DialerCli", "serve",
                "--db-url", db.url(), "--server.port=" + port, "--dialer.instance-id=node-1", "--dialer.admin.password=" + Api.ADMIN_PASSWORD,
                "--dialer.asterisk.servers=pbx1=dialer:" + RealAsterisk.SECRET + "@127.0.0.1:" + pbx.port() + "/10/PJSIP/{number}@trunk1"));
        if (db.user() != null && !db.user().isEmpty()) {
            command.addAll(List.of("--db-user", db.user(), "--db-password", db.password()));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    private void awaitUp(Api api, Process process, String log) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .ignoreException(IllegalStateException.class) // connection refused while starting
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("serve exited: " + Files.readString(dir.resolve(log)));
                        }
                        return api.get("/actuator/health").status() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("serve did not come up: " + Files.readString(dir.resolve(log)), e);
        }
    }

    private static Map<String, Object> awaitAttempt(JdbcTemplate jdbc, String state, Duration within) {
        List<Map<String, Object>> rows = await().atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForList("SELECT * FROM call_attempts"), r -> !r.isEmpty() && state.equals(r.get(0).get("state")));
        return rows.get(0);
    }

    @Test
    void aRestartedDialerTakesOverTheCallStillUpAndClosesItWhenTheCalleeHangsUp() throws Exception {
        TestDatabase mysql = TestDatabase.mysqlConfigured() ? TestDatabase.mysql() : null;
        DatabaseSettings db = mysql != null ? mysql.settings() : new DatabaseSettings("jdbc:h2:file:" + dir.resolve("dialer")
                + DatabaseSettings.H2_MYSQL_OPTIONS + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "");
        int port = freePort();
        Api api = new Api(port);
        Process first = serve(db, port, "first.log");
        Process second = null;
        try (var pool = Databases.open(db, 2)) {
            awaitUp(api, first, "first.log");
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            long campaign = api.post("/api/campaigns", """
                    {"name": "killed mid-call", "mode": "PROGRESSIVE", "telephony": "ASTERISK", "windowStart": "00:00",
                     "windowEnd": "23:59", "reportZone": "UTC"}""").json().get("id").asLong();
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, created_at, updated_at) VALUES (?, ?, 'UTC', ?, ?)",
                    campaign, LONG_TALKER, now, now);
            long agent = api.post("/api/users", "{\"username\": \"ann\", \"password\": \"long-enough\", \"role\": \"AGENT\", "
                    + "\"phoneEndpoint\": \"PJSIP/" + RealAsterisk.AGENTS.get(0) + "\"}").json().get("id").asLong();
            assertThat(api.post("/api/campaigns/" + campaign + "/start", null).status()).isEqualTo(200);
            api.post("/api/agents/" + agent + "/login", "{\"campaignId\": " + campaign + "}");
            api.post("/api/agents/" + agent + "/ready", null);
            Map<String, Object> bridged = awaitAttempt(jdbc, "BRIDGED", Duration.ofSeconds(40));
            long attempt = ((Number) bridged.get("id")).longValue();

            first.destroyForcibly().waitFor(); // SIGKILL: no hangup, no clean-up
            second = serve(db, port, "second.log");
            awaitUp(api, second, "second.log");
            var gone = ASTERISK.events().all().stream().filter(e -> "Hangup".equals(e.name())
                    && ("dialer-" + attempt).equals(e.get("Uniqueid"))).toList();
            assertThat(gone).as("the call outlived the dialer's restart").isEmpty();
            assertThat(jdbc.queryForObject("SELECT state FROM call_attempts WHERE id = ?", String.class, attempt))
                    .as("taken over, not closed as interrupted").isEqualTo("BRIDGED");

            Map<String, Object> ended = awaitAttempt(jdbc, "ENDED", Duration.ofSeconds(100));
            assertThat(ended.get("result")).isEqualTo("HUMAN");
            assertThat(((Number) ended.get("hangup_cause")).intValue()).as("the callee's BYE").isEqualTo(16);
            assertThat(String.valueOf(ended.get("hangup_cause_text"))).doesNotContain("INTERRUPTED");
            assertThat(((Number) ended.get("agent_id")).longValue()).isEqualTo(agent);
            assertThat(((Number) ended.get("talk_s")).intValue()).as("the whole 60 s talk").isGreaterThan(50);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts", Long.class)).as("the lead was not dialled again").isOne();
            assertThat(jdbc.queryForObject("SELECT status FROM leads", String.class)).isNotEqualTo("RETRY");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asterisk_channel_leases", Long.class)).as("its channel given back").isZero();
            var agentLine = ASTERISK.events().awaitAny(e -> "Hangup".equals(e.name())
                    && String.valueOf(e.get("Uniqueid")).startsWith("dialer-agent-" + agent + "-"), Duration.ofSeconds(5));
            assertThat(agentLine.get("Cause")).as("the agent's phone hung up once the call ended").isEqualTo("16");
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroy();
                second.waitFor();
            }
            if (mysql != null) {
                mysql.close();
            }
        }
    }
}
