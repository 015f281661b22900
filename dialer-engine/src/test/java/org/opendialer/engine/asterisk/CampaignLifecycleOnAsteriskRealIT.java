package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.DialLead;

/**
 * Campaigns sharing a real Asterisk 22, paused and stopped while their calls are up: a server's channel maximum
 * holds for all of them together, no call is placed after a pause or stop, calls with an agent go on to their
 * natural end (or, stopping now, end with cause 16), and every attempt is closed with a result.
 */
class CampaignLifecycleOnAsteriskRealIT {

    @RegisterExtension
    static final RealAsterisk ASTERISK = new RealAsterisk();

    /** A callee who answers and talks 12 s ({@code k} = 1) or rings on ({@code k} = 4); {@code n} tells leads apart. */
    private static DialLead lead(long id, int k, int n) {
        return new DialLead(id, new PhoneNumber("+141555501" + k + n), null, Map.of());
    }

    @Test
    void twoCampaignsSharingAServerCappedAtThreeChannelsNeverHaveMoreThanThreeCallsUp() throws Exception {
        int eventsBefore = ASTERISK.events().all().size();
        ChannelLeases shared = new InstanceChannelLeases();
        try (AsteriskFloor first = new AsteriskFloor("first", ASTERISK.server(3), shared, 21).agentsWrapUpAtOnce();
             AsteriskFloor second = new AsteriskFloor("second", ASTERISK.server(3), shared, 22).agentsWrapUpAtOnce()) {
            first.leads(lead(1, 1, 1), lead(2, 1, 2), lead(3, 1, 3));
            second.leads(lead(4, 1, 4), lead(5, 1, 5), lead(6, 1, 6));
            first.login(31, RealAsterisk.AGENTS.get(0));
            first.login(32, RealAsterisk.AGENTS.get(1));
            second.login(33, RealAsterisk.AGENTS.get(2));
            second.login(34, RealAsterisk.AGENTS.get(3));
            first.onClock(first.dialer::start);
            second.onClock(second.dialer::start);

            List<AttemptOutcome> all = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(70).toNanos();
            while (all.size() < 6 && System.nanoTime() < until) {
                AttemptOutcome o = first.outcomes.poll();
                o = o != null ? o : second.outcomes.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (o != null) {
                    all.add(o);
                }
            }
            assertThat(all).as("both campaigns' six leads were dialled, or refused before dialling when both reached for the "
                    + "last line at once").hasSize(6).allSatisfy(o -> {
                        if (o.result() == CallResult.CONGESTION) {
                            assertThat(o.causeText()).isEqualTo("no Asterisk server has a free line");
                            assertThat(o.ringingAt()).isNull();
                        } else {
                            assertThat(o.result()).isEqualTo(CallResult.HUMAN);
                            assertThat(o.agentId()).isNotZero();
                        }
                    });
            assertThat(all).filteredOn(o -> o.result() == CallResult.HUMAN).hasSizeGreaterThanOrEqualTo(5);
            List<AmiTraceRecorder.Received> events = ASTERISK.events().all();
            events = events.subList(eventsBefore, events.size());
            assertThat(AsteriskFloor.mostCallsUp(events)).as("calls up at once on the server, both campaigns together").isEqualTo(3);
        }
    }

    @Test
    void aPausedCampaignPlacesNoNewCallAndTheAgentsCallGoesOnToItsEnd() throws Exception {
        try (AsteriskFloor floor = new AsteriskFloor("pause", ASTERISK.server(5), new InstanceChannelLeases(), 23)) {
            floor.leads(lead(11, 1, 7), lead(12, 1, 8));
            floor.login(41, RealAsterisk.AGENTS.get(0));
            floor.onClock(floor.dialer::start);
            floor.awaitAgent(41, AgentState.ON_CALL, Duration.ofSeconds(15));

            floor.onClock(floor.dialer::stop); // what pausing a campaign does on its clock
            assertThat(floor.ask(() -> floor.dialer.roster().find(41).orElseThrow().state()))
                    .as("the agent stays on the call").isEqualTo(AgentState.ON_CALL);

            AttemptOutcome outcome = floor.nextOutcome(Duration.ofSeconds(20));
            assertThat(outcome.result()).isEqualTo(CallResult.HUMAN);
            assertThat(outcome.agentId()).isEqualTo(41);
            assertThat(outcome.abandoned()).isFalse();
            assertThat(outcome.talkSeconds()).as("the callee talked until hanging up (12 s)").isGreaterThan(8);
            floor.awaitAgent(41, AgentState.WRAP_UP, Duration.ofSeconds(2));
            floor.onClock(() -> floor.dialer.completeWrapUp(41));
            Thread.sleep(2500); // two pacing ticks with a ready agent and a lead waiting
            assertThat(floor.opened).as("no call placed while paused").hasSize(1);
            assertThat(floor.outcomes).isEmpty();
        }
    }

    @Test
    void aStoppedCampaignHangsUpWhatStillRingsAndLetsTheAgentsCallEnd() throws Exception {
        try (AsteriskFloor floor = new AsteriskFloor("stop", ASTERISK.server(5), new InstanceChannelLeases(), 24)) {
            floor.leads(lead(21, 1, 9), lead(22, 4, 1), lead(23, 1, 0));
            floor.login(42, RealAsterisk.AGENTS.get(1));
            floor.login(43, RealAsterisk.AGENTS.get(2));
            floor.onClock(floor.dialer::start);
            floor.awaitAgent(42, AgentState.ON_CALL, Duration.ofSeconds(15));
            ASTERISK.events().awaitAny(e -> "Newstate".equals(e.name()) && "Ringing".equals(e.get("ChannelStateDesc"))
                    && floor.opened.size() == 2 && ("dialer-" + floor.opened.get(1).value()).equals(e.get("Uniqueid")), Duration.ofSeconds(5));

            floor.onClock(floor.dialer::stop);
            AttemptOutcome ringing = floor.nextOutcome(Duration.ofSeconds(5));
            assertThat(ringing.attemptId()).isEqualTo(floor.opened.get(1));
            assertThat(ringing.result()).isEqualTo(CallResult.NO_ANSWER);
            assertThat(floor.ask(() -> floor.dialer.roster().find(42).orElseThrow().state()))
                    .as("the agent stays on the call").isEqualTo(AgentState.ON_CALL);

            AttemptOutcome talked = floor.nextOutcome(Duration.ofSeconds(20));
            assertThat(talked.attemptId()).isEqualTo(floor.opened.get(0));
            assertThat(talked.result()).isEqualTo(CallResult.HUMAN);
            assertThat(talked.agentId()).isEqualTo(42);
            assertThat(talked.talkSeconds()).isGreaterThan(8);
            assertThat(floor.opened).as("the third lead was never dialled").hasSize(2);
            assertThat(floor.ask(floor.dialer::callsUnderWay)).isZero();
        }
    }

    @Test
    void audioFlowsBothWaysWhileConnectedAndStoppingNowEndsTheCallWithCause16() throws Exception {
        try (AsteriskFloor floor = new AsteriskFloor("stop-now", ASTERISK.server(5), new InstanceChannelLeases(), 25)) {
            floor.leads(new DialLead(31, new PhoneNumber("+14155550171"), null, Map.of())); // talks 40 s
            floor.login(44, RealAsterisk.AGENTS.get(3));
            floor.onClock(floor.dialer::start);
            floor.awaitAgent(44, AgentState.ON_CALL, Duration.ofSeconds(15));
            ASTERISK.events().awaitAny(e -> "ConfbridgeJoin".equals(e.name())
                    && ("dialer-" + floor.opened.get(0).value()).equals(e.get("Uniqueid")), Duration.ofSeconds(5));

            Thread.sleep(3000); // audio flows for a while
            AttemptOutcome none = floor.outcomes.peek();
            assertThat(none).isNull();
            Map<String, long[]> rtp = ASTERISK.rtpPackets();
            System.out.println("RTP packets after 3 s connected: " + describe(rtp));
            String callee = outcomeChannel(rtp, "trunk1-");
            String agent = outcomeChannel(rtp, RealAsterisk.AGENTS.get(3) + "-");
            assertThat(java.util.Arrays.stream(rtp.get(callee)).boxed().toList()).as("RTP from and to the callee " + callee + " " + describe(rtp)).allMatch(n -> n > 50);
            assertThat(java.util.Arrays.stream(rtp.get(agent)).boxed().toList()).as("RTP to the agent's phone and its echo back " + describe(rtp)).allMatch(n -> n > 50);

            floor.onClock(() -> {
                floor.dialer.stop();
                floor.dialer.hangUpAll();
            });
            AttemptOutcome outcome = floor.nextOutcome(Duration.ofSeconds(10));
            assertThat(outcome.result()).isEqualTo(CallResult.HUMAN);
            assertThat(outcome.agentId()).isEqualTo(44);
            assertThat(outcome.cause()).as("the dialer's own hangup, recorded").isEqualTo(16);
            var hangup = ASTERISK.events().await("dialer-" + outcome.attemptId().value(), e -> "Hangup".equals(e.name()),
                    Duration.ofSeconds(5));
            assertThat(hangup.get("Cause")).isEqualTo("16");
            floor.awaitAgent(44, AgentState.WRAP_UP, Duration.ofSeconds(2));
        }
    }

    private static String outcomeChannel(Map<String, long[]> rtp, String prefix) {
        return rtp.keySet().stream().filter(c -> c.startsWith(prefix)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no channel " + prefix + " in " + describe(rtp)));
    }

    private static String describe(Map<String, long[]> rtp) {
        StringBuilder text = new StringBuilder();
        rtp.forEach((c, n) -> text.append(c).append(" received ").append(n[0]).append(" sent ").append(n[1]).append("; "));
        return text.toString();
    }
}
