package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendialer.db.DatabaseSettings;
import org.opendialer.db.Databases;
import org.opendialer.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code serve} killed with SIGKILL in the middle of a campaign and started again: every attempt the dead
 * process left open is closed with its cause, no lead is dialled twice because of the crash, and dialling
 * resumes by itself. Runs the real server in child JVMs, on MariaDB when configured, else on an H2 file.
 */
class CrashRestartIT {

    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process serve(DatabaseSettings db, int port, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), "org.opendialer.service.cli.DialerCli", "serve",
                "--db-url", db.url(), "--server.port=" + port, "--dialer.instance-id=node-1", "--dialer.admin.password=" + Api.ADMIN_PASSWORD));
        if (db.user() != null && !db.user().isEmpty()) {
            command.addAll(List.of("--db-user", db.user(), "--db-password", db.password()));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitCount(JdbcTemplate jdbc, String sql, long atLeast) {
        await(atLeast + " from: " + sql).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject(sql, Long.class) >= atLeast);
    }

    @Test
    void aKilledServerLeavesNoOpenAttemptAndNoDoubleDialAndResumesDialling() throws Exception {
        TestDatabase mysql = TestDatabase.mysqlConfigured() ? TestDatabase.mysql() : null;
        DatabaseSettings db = mysql != null ? mysql.settings() : new DatabaseSettings("jdbc:h2:file:" + dir.resolve("dialer")
                + DatabaseSettings.H2_MYSQL_OPTIONS + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "");
        int port = freePort();
        Api api = new Api(port);
        Process first = serve(db, port, dir.resolve("first.log"));
        try {
            api.awaitUp(first, dir.resolve("first.log"), Duration.ofSeconds(90));
            long campaign = api.post("/api/campaigns", """
                    {"name": "robot calls", "mode": "AGENTLESS", "robotPorts": 10, "trunkLines": 20,
                     "windowStart": "00:00", "windowEnd": "23:59", "reportZone": "UTC"}""").json().get("id").asLong();
            try (var pool = Databases.open(db, 2)) {
                JdbcTemplate jdbc = new JdbcTemplate(pool);
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < 300; i++) {
                    jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, created_at, updated_at) VALUES (?, ?, 'UTC', ?, ?)",
                            campaign, String.format("+1415777%04d", i), now, now);
                }
                api.post("/api/campaigns/" + campaign + "/start", null);
                awaitCount(jdbc, "SELECT COUNT(*) FROM call_attempts WHERE state <> 'ENDED'", 5);

                first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean-up
                long lastBefore = jdbc.queryForObject("SELECT MAX(id) FROM call_attempts", Long.class);
                List<Long> leftOpen = jdbc.queryForList("SELECT lead_id FROM call_attempts WHERE state <> 'ENDED'", Long.class);
                assertThat(leftOpen).as("the crash left calls open").isNotEmpty();

                Process second = serve(db, port, dir.resolve("second.log"));
                try {
                    api.awaitUp(second, dir.resolve("second.log"), Duration.ofSeconds(90));
                    awaitCount(jdbc, "SELECT COUNT(*) FROM call_attempts WHERE id > " + lastBefore, 5);

                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE id <= ? AND state <> 'ENDED'",
                            Long.class, lastBefore)).as("attempts of the dead process still open").isZero();
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE id <= ? AND hangup_cause_text LIKE 'INTERRUPTED%'",
                            Long.class, lastBefore)).isEqualTo(leftOpen.size());
                    assertThat(jdbc.queryForList("SELECT lead_id FROM call_attempts WHERE id > ?", Long.class, lastBefore))
                            .as("no interrupted lead dialled again at once").doesNotContainAnyElementsOf(leftOpen);
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT lead_id FROM call_attempts WHERE state <> 'ENDED' "
                            + "GROUP BY lead_id HAVING COUNT(*) > 1) twice", Long.class)).as("a lead on two calls at once").isZero();
                    assertThat(api.get("/api/campaigns/" + campaign).json().get("status").asText()).isEqualTo("RUNNING");
                } finally {
                    second.destroy();
                    second.waitFor();
                }
            }
        } finally {
            first.destroyForcibly();
            if (mysql != null) {
                mysql.close();
            }
        }
    }
}
