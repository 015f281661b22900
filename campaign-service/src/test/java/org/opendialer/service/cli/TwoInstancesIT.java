package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.testing.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two {@code serve} instances on one database run one campaign together. Pause, resume and stop given to
 * either instance reach the other within two seconds: it stops placing calls (none placed after that), starts
 * again, or closes the campaign. H2 always (both instances in this JVM), MariaDB when configured.
 */
class TwoInstancesIT {

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void pauseResumeAndStopReachTheOtherInstanceWithinTwoSeconds(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            ConfigurableApplicationContext a = serve(db, "node-a");
            ConfigurableApplicationContext b = serve(db, "node-b");
            try {
                Api onA = api(a);
                Api onB = api(b);
                JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));
                long campaign = onA.post("/api/campaigns", """
                        {"name": "shared floor", "mode": "POWER", "modeFactor": 3, "windowStart": "00:00", "windowEnd": "23:59",
                         "reportZone": "UTC", "trunkLines": 30}""").json().get("id").asLong();
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < 400; i++) {
                    jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, created_at, updated_at) VALUES (?, ?, 'UTC', ?, ?)",
                            campaign, String.format("+1415556%04d", i), now, now);
                }
                long annOnA = agent(onA, "ann");
                long bobOnB = agent(onA, "bob");

                // given the campaign started through A, B dials it too
                Api.Reply started = onA.post("/api/campaigns/" + campaign + "/start", null);
                assertThat(started.status()).as(started.body()).isEqualTo(200);
                awaitTrue("B runs the campaign started through A", () -> onB.post("/api/agents/" + bobOnB + "/login",
                        "{\"campaignId\": " + campaign + "}").status() == 200);
                onA.post("/api/agents/" + annOnA + "/login", "{\"campaignId\": " + campaign + "}");
                assertThat(onA.post("/api/agents/" + annOnA + "/ready", null).status()).isEqualTo(200);
                assertThat(onB.post("/api/agents/" + bobOnB + "/ready", null).status()).isEqualTo(200);
                awaitTrue("both instances place calls", () -> placedBy(jdbc, campaign, "node-a", Instant.EPOCH) > 0
                        && placedBy(jdbc, campaign, "node-b", Instant.EPOCH) > 0);

                // when paused through A, B places no call two seconds later
                Instant paused = Instant.now();
                assertThat(onA.post("/api/campaigns/" + campaign + "/pause", "{\"reason\": \"lunch\"}").status()).isEqualTo(200);
                // watched over a window long enough for a dialling instance to place several calls
                await("no call placed after the pause").during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> placedBy(jdbc, campaign, "node-b", paused.plusSeconds(2)) == 0
                                && placedBy(jdbc, campaign, "node-a", paused.plusMillis(500)) == 0);

                // when resumed through B, A dials again
                Instant resumed = Instant.now();
                assertThat(onB.post("/api/campaigns/" + campaign + "/resume", null).status()).isEqualTo(200);
                // A's one agent may still be on a call placed before the pause: nothing to dial for until it ends
                awaitTrue("A dials again after the resume through B, or its agent is still on a call", () ->
                        placedBy(jdbc, campaign, "node-a", resumed) > 0
                                || List.of("ON_CALL", "WRAP_UP").contains(onA.get("/api/agents/" + annOnA).json().get("state").asText()));

                // when stopped through B, A closes the campaign and places nothing more
                Instant stopped = Instant.now();
                assertThat(onB.post("/api/campaigns/" + campaign + "/stop", null).status()).isEqualTo(200);
                // an agent between calls is logged out; one on a call stays on it until it ends (a stop lets calls finish)
                awaitTrue("A closes the stopped campaign and its agent is logged out or finishing a call", () -> List.of(
                        "LOGGED_OUT", "ON_CALL", "WRAP_UP").contains(onA.get("/api/agents/" + annOnA).json().get("state").asText()));
                await("A places no call after the stop").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> placedBy(jdbc, campaign, "node-a", stopped.plusSeconds(2)) == 0);
            } finally {
                b.close();
                a.close();
            }
        }
    }

    private static ConfigurableApplicationContext serve(TestDatabase db, String instance) {
        ServeCommand serve = new ServeCommand();
        serve.database.url = db.settings().url();
        serve.database.user = db.settings().user();
        serve.database.password = db.settings().password();
        // Quartz keeps its job stores' connections in one table per JVM, keyed by scheduler name: two instances in
        // one test JVM need two names (in production each instance is its own process and they share one)
        serve.springArgs = List.of("--server.port=0", "--dialer.instance-id=" + instance, "--spring.quartz.scheduler-name=" + instance);
        return serve.start();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static long agent(Api api, String name) {
        Api.Reply created = api.post("/api/users", "{\"username\": \"" + name + "\", \"password\": \"" + name
                + "-password\", \"role\": \"AGENT\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static long placedBy(JdbcTemplate jdbc, long campaign, String instance, Instant after) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ? AND instance_id = ? AND placed_at > ?",
                Long.class, campaign, instance, Timestamp.from(after));
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }
}
