package org.opendialer.service.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.engine.asterisk.AsteriskServer;
import org.opendialer.engine.asterisk.AsteriskTelephony;
import org.opendialer.engine.asterisk.TestAmiServer;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.OriginateRequest;
import org.opendialer.service.lead.AttemptRecovery;
import org.opendialer.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two dialer instances on one database share an Asterisk server's maximum through their channel leases. */
class DatabaseChannelLeasesIT {

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoInstancesTakeNoMoreThanTheServersMaximumTogetherAndACrashedInstancesLeasesAreDropped(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            SimulatedClock clock = new SimulatedClock(Instant.parse("2026-12-01T15:00:00Z"));
            DatabaseChannelLeases a = new DatabaseChannelLeases(jdbc, clock, "a:8080");
            DatabaseChannelLeases b = new DatabaseChannelLeases(jdbc, clock, "b:8080");

            assertThat(a.acquire("pbx1", 3, new AttemptId(1))).isTrue();
            assertThat(b.acquire("pbx1", 3, new AttemptId(2))).isTrue();
            assertThat(a.acquire("pbx1", 3, new AttemptId(3))).isTrue();
            assertThat(b.acquire("pbx1", 3, new AttemptId(4))).as("the server's three channels are taken").isFalse();
            assertThat(a.acquire("pbx2", 3, new AttemptId(5))).as("another server counts on its own").isTrue();
            assertThat(b.inUse("pbx1")).isEqualTo(3);

            a.release("pbx1", new AttemptId(1));
            assertThat(b.acquire("pbx1", 3, new AttemptId(4))).as("a channel given back by one instance serves the other").isTrue();
            assertThat(a.acquire("pbx1", 3, new AttemptId(6))).isFalse();

            // instance a crashes: its attempts are closed, and with them its channels
            new AttemptRecovery(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())))
                    .recover("a:8080", clock.now());
            assertThat(b.inUse("pbx1")).isEqualTo(2);
            assertThat(b.inUse("pbx2")).isZero();
            assertThat(b.acquire("pbx1", 3, new AttemptId(7))).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoInstancesTelephoniesNeverOpenMoreCallsOnAServerThanItsMaximum(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated();
             TestAmiServer asterisk = new TestAmiServer("s3cret", Map.of("14155559999", new TestAmiServer.Callee("noanswer", 30_000, 0)));
             SystemClock clock = new SystemClock("leases")) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            AsteriskServer capped = new AsteriskServer("pbx1", "127.0.0.1", asterisk.port(), "dialer", "s3cret", "PJSIP/{number}@trunk1", 3);
            AsteriskTelephony first = new AsteriskTelephony(clock, List.of(capped), Duration.ofSeconds(5),
                    new DatabaseChannelLeases(jdbc, clock, "a:8080"));
            AsteriskTelephony second = new AsteriskTelephony(clock, List.of(capped), Duration.ofSeconds(5),
                    new DatabaseChannelLeases(jdbc, clock, "b:8080"));
            BlockingQueue<CallEvent> secondEvents = new LinkedBlockingQueue<>();
            second.setListener(secondEvents::add);
            first.connect();
            second.connect();
            try {
                for (long attempt = 1; attempt <= 2; attempt++) {
                    first.originate(ringingOn(attempt)); // the callee rings for 30 s
                }
                assertThat(second.freeLines()).isEqualTo(1);
                second.originate(ringingOn(3));
                second.originate(ringingOn(4));
                CallEvent refused = secondEvents.poll(5, TimeUnit.SECONDS);
                while (refused != null && !(refused instanceof CallEvent.CallEnded)) {
                    refused = secondEvents.poll(5, TimeUnit.SECONDS);
                }
                assertThat(refused).isInstanceOfSatisfying(CallEvent.CallEnded.class, e -> {
                    assertThat(e.attemptId()).isEqualTo(new AttemptId(4));
                    assertThat(e.result()).isEqualTo(CallResult.CONGESTION);
                });
                // originates go out on the connections' own threads: wait for the three, then none more
                await("three originates reach the server").atMost(Duration.ofSeconds(10))
                        .until(() -> asterisk.actions("Originate").size() >= 3);
                await("no fourth originate").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                        .until(() -> asterisk.actions("Originate").size() == 3);
                assertThat(jdbc.queryForList("SELECT instance_id FROM asterisk_channel_leases ORDER BY attempt_id", String.class))
                        .containsExactly("a:8080", "a:8080", "b:8080");
            } finally {
                first.close();
                second.close();
            }
        }
    }

    private static OriginateRequest ringingOn(long attempt) {
        return new OriginateRequest(new AttemptId(attempt), new CampaignId(attempt), new PhoneNumber("+14155559999"), null,
                Duration.ofSeconds(30), false, false, Map.of());
    }
}
