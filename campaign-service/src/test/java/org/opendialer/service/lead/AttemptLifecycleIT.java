package org.opendialer.service.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.service.callback.Callback;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.disposition.DispositionRequest;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.testing.TestDatabase;

class AttemptLifecycleIT {

    private static final Instant TUESDAY_1500_UTC = Instant.parse("2026-12-01T15:00:00Z"); // 10:00 New York

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    /** Dials the next lead and ends the call as given; returns the attempt id. */
    private static AttemptId call(Floor floor, Campaign campaign, LeadHopper hopper, CallResult result, boolean abandoned,
                                  long agentId) {
        DialLead lead = hopper.next().orElseThrow();
        AttemptRecorder recorder = floor.recorder(campaign, "a");
        Instant placed = floor.clock.now();
        AttemptId id = recorder.open(new CampaignId(campaign.id()), lead, placed);
        Instant answered = result.isAnswered() ? placed.plusSeconds(8) : null;
        Instant bridged = agentId != 0 ? answered : null;
        Instant ended = placed.plusSeconds(result.isAnswered() ? 60 : 20);
        recorder.closed(new AttemptOutcome(id, new CampaignId(campaign.id()), lead, placed, placed.plusSeconds(1), answered,
                bridged, ended, result, 16, "Normal Clearing", null, null, agentId, false, abandoned, "sim", null, null, null));
        return id;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachResultRestsTheLeadForItsRetryDelayAndTheLastAttemptExhaustsIt(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1500_UTC);
            Campaign campaign = floor.campaign("retries"); // busy 15 min, no answer 1 h, abandoned 72 h, 5 attempts
            long busy = floor.lead(campaign, "+12125550101", "America/New_York");
            long abandoned = floor.lead(campaign, "+12125550102", "America/New_York");
            long talked = floor.lead(campaign, "+12125550103", "America/New_York");
            LeadHopper hopper = floor.hopper(campaign, "a", 1);

            call(floor, campaign, hopper, CallResult.BUSY, false, 0);
            call(floor, campaign, hopper, CallResult.HUMAN, true, 0);
            AttemptId talk = call(floor, campaign, hopper, CallResult.HUMAN, false, 7);

            assertThat(floor.status(busy)).isEqualTo("RETRY");
            assertThat(floor.nextAttempt(busy)).isEqualTo(TUESDAY_1500_UTC.plusSeconds(20).plus(Duration.ofMinutes(15)));
            assertThat(floor.status(abandoned)).isEqualTo("RETRY");
            assertThat(floor.nextAttempt(abandoned)).isEqualTo(TUESDAY_1500_UTC.plusSeconds(60).plus(Duration.ofHours(72)));
            assertThat(floor.status(talked)).isEqualTo("DONE");
            assertThat(floor.jdbc.queryForObject("SELECT state FROM call_attempts WHERE id = ?", String.class, talk.value()))
                    .isEqualTo("ENDED");
            assertThat(floor.jdbc.queryForObject("SELECT agent_id FROM call_attempts WHERE id = ?", Long.class, talk.value()))
                    .isEqualTo(7L);

            // the busy lead comes back only once its 15 minutes are over
            assertThat(hopper.next()).isEmpty();
            floor.clock.advance(Duration.ofMinutes(16));
            floor.jdbc.update("UPDATE leads SET attempt_count = 4, attempts_today = 0 WHERE id = ?", busy);
            call(floor, campaign, hopper, CallResult.NO_ANSWER, false, 0);
            assertThat(floor.status(busy)).isEqualTo("EXHAUSTED");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theServerChannelAndUniqueIdAreStoredWhileTheCallRings(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1500_UTC);
            Campaign campaign = floor.campaign("located");
            floor.lead(campaign, "+12125550111", "America/New_York");
            DialLead lead = floor.hopper(campaign, "a", 1).next().orElseThrow();
            AttemptRecorder recorder = floor.recorder(campaign, "a");
            AttemptId id = recorder.open(new CampaignId(campaign.id()), lead, TUESDAY_1500_UTC);

            recorder.progressed(id, org.opendialer.engine.dialer.AttemptPhase.RINGING, TUESDAY_1500_UTC.plusSeconds(1), 0);
            recorder.locatedOn(id, "pbx1", "PJSIP/trunk1-0000002a", "dialer-" + id.value());

            java.util.Map<String, Object> ringing = floor.jdbc.queryForMap(
                    "SELECT state, server_name, channel, unique_id, ended_at FROM call_attempts WHERE id = ?", id.value());
            assertThat(ringing).containsEntry("state", "RINGING").containsEntry("server_name", "pbx1")
                    .containsEntry("channel", "PJSIP/trunk1-0000002a").containsEntry("unique_id", "dialer-" + id.value());
            assertThat(ringing.get("ended_at")).as("still ringing").isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theNightlyRollUpCountsEachCampaignDayInItsOwnZone(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1500_UTC);
            Campaign campaign = floor.campaign("roll-up");
            floor.lead(campaign, "+12125550101", "America/New_York");
            floor.lead(campaign, "+12125550102", "America/New_York");
            LeadHopper hopper = floor.hopper(campaign, "a", 2);
            call(floor, campaign, hopper, CallResult.BUSY, false, 0);
            call(floor, campaign, hopper, CallResult.HUMAN, false, 7);

            new org.opendialer.service.schedule.DailyRollup(floor.jdbc).rollUp(floor.clock.now().plus(Duration.ofDays(1)));

            var day = floor.jdbc.queryForMap("SELECT attempts, human, busy, talk_s FROM campaign_day_stats WHERE campaign_id = ? "
                    + "AND stat_day = ?", campaign.id(), java.sql.Date.valueOf("2026-12-01"));
            assertThat(((Number) day.get("attempts")).intValue()).isEqualTo(2);
            assertThat(((Number) day.get("human")).intValue()).isEqualTo(1);
            assertThat(((Number) day.get("busy")).intValue()).isEqualTo(1);
            assertThat(((Number) day.get("talk_s")).intValue()).isEqualTo(52);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDoNotCallDispositionStopsTheNumberAtOnceInEveryCampaignAndEveryHopper(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1500_UTC);
            Campaign offer = floor.campaign("offer");
            Campaign winBack = floor.campaign("win-back");
            floor.lead(offer, "+12125550101", "America/New_York");
            long sameNumberElsewhere = floor.lead(winBack, "+12125550101", "America/New_York");
            long other = floor.lead(winBack, "+12125550199", "America/New_York");
            LeadHopper winBackHopper = floor.hopper(winBack, "a", 10);
            floor.dnc.addListener(winBackHopper::evict);
            winBackHopper.next(); // fills the hopper with both win-back leads
            LeadHopper offerHopper = floor.hopper(offer, "a", 10);

            AttemptId attempt = call(floor, offer, offerHopper, CallResult.HUMAN, false, 7);
            String status = floor.dispositions.dispose(attempt.value(), new DispositionRequest("do_not_call", "asked not to be called", null, null, null));

            assertThat(status).isEqualTo("DNC");
            assertThat(floor.status(sameNumberElsewhere)).isEqualTo("DNC");
            assertThat(floor.dnc.contains(new org.opendialer.engine.call.PhoneNumber("+12125550101"), winBack.id())).isTrue();
            Optional<DialLead> next = winBackHopper.next();
            List<Long> rest = new java.util.ArrayList<>();
            next.ifPresent(l -> rest.add(l.leadId()));
            winBackHopper.next().ifPresent(l -> rest.add(l.leadId()));
            assertThat(rest).doesNotContain(sameNumberElsewhere);
            assertThat(rest.contains(other) || floor.status(other).equals("NEW")).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCallbackIsDueAtTheCalleesLocalTimeAndIsDialledBeforeAnythingElse(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), Instant.parse("2026-12-01T18:00:00Z")); // 10:00 in Los Angeles
            Campaign campaign = floor.campaign("callbacks");
            long caller = floor.lead(campaign, "+13105550101", "America/Los_Angeles");
            long waiting = floor.lead(campaign, "+13105550102", "America/Los_Angeles");
            LeadHopper hopper = floor.hopper(campaign, "a", 1);
            AttemptId attempt = call(floor, campaign, hopper, CallResult.HUMAN, false, 7);

            floor.dispositions.dispose(attempt.value(), new DispositionRequest("CALLBACK", "call me at 3", "2026-12-01T15:00", true, null));

            Callback booked = floor.callbacks.forCampaign(campaign.id(), "PENDING").get(0);
            assertThat(booked.dueAt()).isEqualTo(Instant.parse("2026-12-01T23:00:00Z")); // 15:00 PST
            assertThat(booked.agentId()).isEqualTo(7L);
            assertThat(floor.status(caller)).isEqualTo("CALLBACK");

            floor.clock.advance(Duration.ofHours(5));
            floor.callbacks.fire(booked.id());
            floor.store.release("a", List.of(waiting));
            DialLead first = floor.hopper(campaign, "a", 5).next().orElseThrow();
            assertThat(first.leadId()).isEqualTo(caller);
            assertThat(first.skill()).as("kept for the agent who booked it").isEqualTo(LeadStore.agentSkill(7));
            floor.recorder(campaign, "a").open(new CampaignId(campaign.id()), first, floor.clock.now());
            assertThat(floor.callbacks.get(booked.id()).status()).isEqualTo("DONE");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCallbackDispositionWithoutATimeOrWithAnUnknownCodeIsRefusedNamingTheField(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1500_UTC);
            Campaign campaign = floor.campaign("bad dispositions");
            floor.lead(campaign, "+12125550101", "America/New_York");
            AttemptId attempt = call(floor, campaign, floor.hopper(campaign, "a", 1), CallResult.HUMAN, false, 7);

            assertThatThrownBy(() -> floor.dispositions.dispose(attempt.value(), new DispositionRequest("CALLBACK", null, null, null, null)))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("callbackAt"));
            assertThatThrownBy(() -> floor.dispositions.dispose(attempt.value(), new DispositionRequest("MAYBE", null, null, null, null)))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("code"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void attemptsLeftOpenByACrashedInstanceAreClosedAndTheirLeadsRestBeforeTheNextCall(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1500_UTC);
            Campaign campaign = floor.campaign("crash");
            long dialling = floor.lead(campaign, "+12125550101", "America/New_York");
            long held = floor.lead(campaign, "+12125550102", "America/New_York");
            AttemptRecovery recovery = new AttemptRecovery(floor.jdbc, floor.tx);
            recovery.heartbeat("dead", "host", TUESDAY_1500_UTC);
            LeadHopper hopper = floor.hopper(campaign, "dead", 2);
            DialLead lead = hopper.next().orElseThrow();
            floor.recorder(campaign, "dead").open(new CampaignId(campaign.id()), lead, TUESDAY_1500_UTC);
            // the instance dies here: one attempt open, one lead held in its hopper

            floor.clock.advance(Duration.ofMinutes(2));
            recovery.heartbeat("alive", "host", floor.clock.now());
            int closed = recovery.recoverDead("alive", floor.clock.now());

            assertThat(closed).isEqualTo(1);
            assertThat(floor.jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE state <> 'ENDED'", Long.class)).isZero();
            assertThat(floor.jdbc.queryForObject("SELECT hangup_cause_text FROM call_attempts", String.class))
                    .isEqualTo(AttemptRecovery.CAUSE);
            assertThat(floor.status(dialling)).isEqualTo("RETRY");
            assertThat(floor.nextAttempt(dialling)).isAfter(floor.clock.now().plus(Duration.ofHours(1)));
            List<Long> now = new java.util.ArrayList<>();
            floor.hopper(campaign, "alive", 5).next().ifPresent(l -> now.add(l.leadId()));
            assertThat(now).containsExactly(held);
        }
    }
}
