package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.engine.telephony.AgentEndpoint;

/**
 * A burst on a real Asterisk 22: as many agents as calls ({@value #DEFAULT_CALLS} unless {@code dialer.burst.calls}
 * says otherwise), each phone called once into its own conference and echoing what it hears; every lead dialled at
 * once to a SIPp callee who answers and talks with audio. Every call must reach an agent and be stored as a talk; the
 * figures (calls up at once, originates per second, answer to agent p50/p99) go to {@code target/asterisk-latency.txt}.
 */
class CallBurstRealIT {

    static final int DEFAULT_CALLS = 100;
    static final int CALLS = Integer.getInteger("dialer.burst.calls", DEFAULT_CALLS);

    @RegisterExtension
    static final RealAsterisk ASTERISK = new RealAsterisk(CALLS);

    @Test
    void aBurstOfCallsAllReachAnAgentWithAudioAndAreAllStoredAsTalks() throws Exception {
        try (AsteriskFloor floor = new AsteriskFloor("burst", ASTERISK.server(CALLS + 20), new InstanceChannelLeases(), 41)) {
            for (int n = 0; n < CALLS; n++) {
                floor.leads(new DialLead(n + 1, new PhoneNumber(String.format("+141555501%d%d", 1, n % 10)), null, Map.of()));
            }
            floor.onClock(() -> {
                for (int n = 0; n < CALLS; n++) {
                    floor.dialer.login(new AgentEndpoint(1000 + n, "PJSIP/" + RealAsterisk.crowdAgent(n)), java.util.Set.of());
                }
            });
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (floor.ask(() -> floor.dialer.roster().count(AgentState.READY)) < CALLS && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertThat(floor.ask(() -> floor.dialer.roster().count(AgentState.READY))).as("agents' phones in their conferences")
                    .isEqualTo(CALLS);
            int eventsBefore = ASTERISK.events().all().size();
            floor.onClock(floor.dialer::start);

            long joined = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (callersInConferences() < CALLS && System.nanoTime() < joined) {
                Thread.sleep(100);
            }
            assertThat(callersInConferences()).as("callees in their agents' conferences").isEqualTo(CALLS);
            // every leg carries audio both ways while all the calls are up; on a loaded machine the first packets of
            // a hundred legs take a while to be counted, so the count is asked again for up to six seconds (each
            // callee hangs up ten seconds after answering)
            long withAudio = 0;
            long agentsWithAudio = 0;
            long talking = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            do {
                Thread.sleep(1000);
                Map<String, long[]> rtp = ASTERISK.rtpPackets();
                withAudio = rtp.entrySet().stream().filter(e -> e.getKey().startsWith("trunk1-")
                        && e.getValue()[0] > 20 && e.getValue()[1] > 20).count();
                agentsWithAudio = rtp.entrySet().stream().filter(e -> e.getKey().startsWith("agent2")
                        && e.getValue()[0] > 20 && e.getValue()[1] > 20).count();
            } while ((withAudio < CALLS || agentsWithAudio < CALLS) && System.nanoTime() < talking);
            assertThat(withAudio).as("callees sending and receiving RTP at once").isEqualTo(CALLS);
            assertThat(agentsWithAudio).as("agents' phones receiving and echoing RTP at once").isEqualTo(CALLS);

            List<AttemptOutcome> outcomes = new ArrayList<>();
            until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (outcomes.size() < CALLS && System.nanoTime() < until) {
                AttemptOutcome o = floor.outcomes.poll(1, TimeUnit.SECONDS);
                if (o != null) {
                    outcomes.add(o);
                }
            }
            assertThat(outcomes).as("every call closed").hasSize(CALLS);
            assertThat(outcomes).as("every callee talked to an agent").allSatisfy(o -> {
                assertThat(o.result()).isEqualTo(CallResult.HUMAN);
                assertThat(o.abandoned()).isFalse();
                assertThat(o.agentId()).isNotZero();
                assertThat(o.talkSeconds()).isGreaterThan(5);
            });
            assertThat(outcomes.stream().map(AttemptOutcome::agentId).distinct().count()).as("one agent per call").isEqualTo(CALLS);
            var events = ASTERISK.events().all();
            int up = AsteriskFloor.mostCallsUp(events.subList(eventsBefore, events.size()));
            assertThat(up).as("calls up at once").isEqualTo(CALLS);

            List<Long> toAgent = outcomes.stream().map(o -> o.bridgedAt().toEpochMilli() - o.answeredAt().toEpochMilli()).toList();
            long firstPlaced = outcomes.stream().mapToLong(o -> o.placedAt().toEpochMilli()).min().orElseThrow();
            long lastRinging = outcomes.stream().mapToLong(o -> o.ringingAt().toEpochMilli()).max().orElseThrow();
            double perSecond = CALLS * 1000.0 / Math.max(1, lastRinging - firstPlaced);
            Latency.record(String.format("burst of %d calls with audio (%d up at once, %d originates ringing within %d ms = %.0f/s): "
                    + "answer -> callee in the agent's conference", CALLS, up, CALLS, lastRinging - firstPlaced, perSecond), toAgent);
        }
    }

    private static long callersInConferences() {
        return ASTERISK.events().all().stream().filter(e -> "ConfbridgeJoin".equals(e.name())
                && AsteriskFloor.CALL.matcher(String.valueOf(e.get("Uniqueid"))).matches()).count();
    }
}
