package org.opendialer.service.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.LeadId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.AttemptPhase;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.service.attempt.AttemptAnswered;
import org.opendialer.service.attempt.AttemptConnected;
import org.opendialer.service.attempt.AttemptDisposed;
import org.opendialer.service.attempt.AttemptEnded;
import org.opendialer.service.attempt.AttemptEvent;
import org.opendialer.service.attempt.AttemptEvents;
import org.opendialer.service.attempt.AttemptPlaced;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.disposition.DispositionRequest;
import org.opendialer.service.disposition.DispositionService;
import org.opendialer.testing.TestDatabase;

/** One call told by the attempt events it publishes, from the lead taken out of the hopper to its disposition. */
class AttemptEventsIT {

    private static final Instant TUESDAY_1500_UTC = Instant.parse("2026-12-01T15:00:00Z"); // 10:00 New York

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCallPlacedAnsweredConnectedEndedAndDisposedIsHeardInThatOrderOnceStored(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1500_UTC);
            Campaign campaign = floor.campaign("events");
            long leadId = floor.lead(campaign, "+12125550101", "America/New_York");
            AttemptEvents events = AttemptEvents.none();
            List<AttemptEvent> heard = new CopyOnWriteArrayList<>();
            events.listen(heard::add);
            AttemptRecorder recorder = new AttemptRecorder(campaign, floor.jdbc, floor.tx, "a", events);
            DispositionService dispositions = new DispositionService(floor.jdbc, floor.clock, floor.dnc, floor.callbacks, events);
            DialLead lead = floor.hopper(campaign, "a", 1).next().orElseThrow();
            Instant placed = floor.clock.now();

            AttemptId id = recorder.open(new CampaignId(campaign.id()), lead, placed);
            recorder.progressed(id, AttemptPhase.RINGING, placed.plusSeconds(2), 0);
            recorder.progressed(id, AttemptPhase.WAITING_FOR_AGENT, placed.plusSeconds(9), 0);
            recorder.progressed(id, AttemptPhase.CONNECTED, placed.plusSeconds(10), 7);
            recorder.closed(new AttemptOutcome(id, new CampaignId(campaign.id()), lead, placed, placed.plusSeconds(2),
                    placed.plusSeconds(9), placed.plusSeconds(10), placed.plusSeconds(70), CallResult.HUMAN, 16, "Normal Clearing",
                    null, null, 7, false, false, "sim", null, null, null));
            dispositions.dispose(id.value(), new DispositionRequest("SALE", "two boxes", null, null, null));

            assertThat(heard).containsExactly(
                    new AttemptPlaced(id, new CampaignId(campaign.id()), new LeadId(leadId), new PhoneNumber("+12125550101"), 1, placed),
                    new AttemptAnswered(id, placed.plusSeconds(9)),
                    new AttemptConnected(id, OptionalLong.of(7), placed.plusSeconds(10)),
                    new AttemptEnded(id, CallResult.HUMAN, false, placed.plusSeconds(70)),
                    new AttemptDisposed(id, new LeadId(leadId), "SALE", floor.clock.now()));
            assertThat(new AttemptQueries(floor.jdbc).summary(id.value())).hasValueSatisfying(row -> {
                assertThat(row.get("result")).isEqualTo("HUMAN");
                assertThat(row.get("disposition_code")).isEqualTo("SALE");
            });
            assertThat(new AttemptQueries(floor.jdbc).handledBy(id.value(), 7)).isTrue();
            assertThat(new AttemptQueries(floor.jdbc).leadHandledBy(leadId, 8)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aListenerThatFailsLosesNothingStoredAndTheOthersStillHear(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Floor floor = new Floor(db.dataSource(), TUESDAY_1500_UTC);
            Campaign campaign = floor.campaign("events");
            floor.lead(campaign, "+12125550101", "America/New_York");
            AttemptEvents events = AttemptEvents.none();
            List<AttemptEvent> heard = new CopyOnWriteArrayList<>();
            events.listen(event -> {
                throw new IllegalStateException("a listener that always fails");
            });
            events.listen(heard::add);
            AttemptRecorder recorder = new AttemptRecorder(campaign, floor.jdbc, floor.tx, "a", events);
            DialLead lead = floor.hopper(campaign, "a", 1).next().orElseThrow();

            AttemptId id = recorder.open(new CampaignId(campaign.id()), lead, floor.clock.now());

            assertThat(heard).hasSize(1).first().isInstanceOf(AttemptPlaced.class);
            assertThat(new AttemptQueries(floor.jdbc).summary(id.value())).isPresent();
            assertThat(floor.status(lead.leadId())).isEqualTo("DIALING");
        }
    }
}
