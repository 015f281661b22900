package org.opendialer.service.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignForm;
import org.opendialer.testing.TestDatabase;

class LeadHopperIT {

    /** Tuesday 2026-12-01 12:30 UTC: 07:30 in New York, 04:30 in Los Angeles, 12:30 in London, 20:30 in Shanghai. */
    private static final Instant TUESDAY_1230_UTC = Instant.parse("2026-12-01T12:30:00Z");

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    private static List<Long> drain(LeadHopper hopper) {
        List<Long> ids = new ArrayList<>();
        for (Optional<DialLead> lead = hopper.next(); lead.isPresent(); lead = hopper.next()) {
            ids.add(lead.get().leadId());
        }
        return ids;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyLeadsWhoseLocalTimeIsInsideTheWindowAreHandedOut(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1230_UTC);
            Campaign campaign = floor.campaign("windows");
            long newYork = floor.lead(campaign, "+12125550101", "America/New_York");
            long london = floor.lead(campaign, "+442071234567", "Europe/London");
            long shanghai = floor.lead(campaign, "+8613800000001", "Asia/Shanghai");
            floor.lead(campaign, "+13105550101", "America/Los_Angeles");

            LeadHopper hopper = floor.hopper(campaign, "a", 10);
            assertThat(drain(hopper)).containsExactlyInAnyOrder(london, shanghai);
            assertThat(hopper.whyEmpty()).contains("no lead is due now");

            floor.clock.advance(Duration.ofMinutes(31)); // 08:01 in New York, 21:01 in Shanghai
            floor.store.release("a", List.of(london, shanghai));
            assertThat(drain(floor.hopper(campaign, "a", 10))).containsExactlyInAnyOrder(newYork, london);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void outsideEveryWindowTheHopperSaysWhenTheNextOneOpens(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), Instant.parse("2026-12-01T10:00:00Z")); // 05:00 in New York
            Campaign campaign = floor.campaign("night");
            floor.lead(campaign, "+12125550101", "America/New_York");

            LeadHopper hopper = floor.hopper(campaign, "a", 10);
            assertThat(hopper.next()).isEmpty();
            assertThat(hopper.whyEmpty()).contains("outside every lead's calling window").contains("2026-12-01T13:00:00Z");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void dueCallbacksComeFirstThenNewLeadsAndNothingOnADncListOrOutOfAttempts(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1230_UTC);
            Campaign campaign = floor.campaign(new CampaignForm("order", null, null, null, null, null, null, null, null, null,
                    null, 3, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null));
            long first = floor.lead(campaign, "+442071230001", "Europe/London");
            long second = floor.lead(campaign, "+442071230002", "Europe/London");
            long callback = floor.lead(campaign, "+442071230003", "Europe/London");
            long onDnc = floor.lead(campaign, "+442071230004", "Europe/London");
            long usedUp = floor.lead(campaign, "+442071230005", "Europe/London");
            long notYetDue = floor.lead(campaign, "+442071230006", "Europe/London");
            floor.jdbc.update("UPDATE leads SET status = 'CALLBACK', next_attempt_at = ? WHERE id = ?",
                    java.sql.Timestamp.from(TUESDAY_1230_UTC.minusSeconds(60)), callback);
            floor.jdbc.update("UPDATE leads SET status = 'RETRY', attempt_count = 3 WHERE id = ?", usedUp);
            floor.jdbc.update("UPDATE leads SET status = 'RETRY', next_attempt_at = ? WHERE id = ?",
                    java.sql.Timestamp.from(TUESDAY_1230_UTC.plusSeconds(600)), notYetDue);
            floor.jdbc.update("INSERT INTO dnc_numbers (phone_e164, scope_campaign_id, source, created_at) VALUES "
                    + "('+442071230004', 0, 'API', ?)", java.sql.Timestamp.from(TUESDAY_1230_UTC));

            assertThat(drain(floor.hopper(campaign, "a", 10))).containsExactly(callback, first, second);
            assertThat(List.of(onDnc, usedUp, notYetDue)).allSatisfy(id -> assertThat(floor.status(id)).isNotEqualTo("DIALING"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void leadsOfAListSwitchedOffAreNotDialledUntilItIsOnAgain(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1230_UTC);
            Campaign campaign = floor.campaign("lists");
            floor.jdbc.update("INSERT INTO lead_lists (campaign_id, name, active, created_at) VALUES (?, 'spring', FALSE, ?)",
                    campaign.id(), java.sql.Timestamp.from(TUESDAY_1230_UTC));
            long list = floor.jdbc.queryForObject("SELECT id FROM lead_lists", Long.class);
            long lead = floor.lead(campaign, "+442071230001", "Europe/London");
            floor.jdbc.update("UPDATE leads SET list_id = ? WHERE id = ?", list, lead);

            assertThat(drain(floor.hopper(campaign, "a", 10))).isEmpty();
            floor.jdbc.update("UPDATE lead_lists SET active = TRUE WHERE id = ?", list);
            assertThat(drain(floor.hopper(campaign, "a", 10))).containsExactly(lead);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLeadAtItsDailyAttemptLimitWaitsForTheCalleesNextDay(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1230_UTC);
            Campaign campaign = floor.campaign("per-day"); // 2 attempts per day by default
            long lead = floor.lead(campaign, "+442071230001", "Europe/London");
            floor.jdbc.update("UPDATE leads SET status = 'RETRY', attempt_count = 2, attempts_today = 2, attempts_day = ? WHERE id = ?",
                    java.sql.Date.valueOf("2026-12-01"), lead);

            assertThat(drain(floor.hopper(campaign, "a", 10))).isEmpty();
            floor.clock.advance(Duration.ofDays(1));
            assertThat(drain(floor.hopper(campaign, "a", 10))).containsExactly(lead);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoInstancesDrainingOneCampaignTogetherNeverTakeTheSameLead(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1230_UTC);
            Campaign campaign = floor.campaign("shared");
            Set<Long> all = new HashSet<>();
            for (int i = 0; i < 400; i++) {
                all.add(floor.lead(campaign, String.format("+4420712%05d", i), "Europe/London"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<Long>>> dialled = new ArrayList<>();
                Phaser lockstep = new Phaser(2); // both instances ask for their next lead at the same moment
                for (String instance : List.of("a", "b")) {
                    LeadHopper hopper = floor.hopper(campaign, instance, 7);
                    AttemptRecorder recorder = floor.recorder(campaign, instance);
                    dialled.add(pool.submit((Callable<List<Long>>) () -> {
                        List<Long> ids = new ArrayList<>();
                        while (true) {
                            lockstep.arriveAndAwaitAdvance();
                            Optional<DialLead> lead = hopper.next();
                            if (lead.isEmpty()) {
                                // InnoDB may skip rows the other instance's claim is still scanning: empty
                                // for a moment is not the end while unclaimed leads remain
                                if (floor.jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE status = 'NEW' "
                                        + "AND locked_by IS NULL", Long.class) > 0) {
                                    continue;
                                }
                                lockstep.arriveAndDeregister();
                                return ids;
                            }
                            recorder.open(new CampaignId(campaign.id()), lead.get(), TUESDAY_1230_UTC);
                            ids.add(lead.get().leadId());
                        }
                    }));
                }
                List<Long> byA = dialled.get(0).get();
                List<Long> byB = dialled.get(1).get();
                assertThat(Collections.disjoint(byA, byB)).as("no lead dialled by both").isTrue();
                Set<Long> union = new HashSet<>(byA);
                union.addAll(byB);
                assertThat(union).isEqualTo(all);
                assertThat(byA).isNotEmpty();
                assertThat(byB).isNotEmpty();
                assertThat(floor.jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts", Long.class)).isEqualTo(400L);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
