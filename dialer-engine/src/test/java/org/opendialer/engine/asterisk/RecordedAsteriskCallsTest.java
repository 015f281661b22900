package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.AgentLineEvent;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.CallEventListener;
import org.opendialer.engine.telephony.OriginateRequest;

/**
 * The Asterisk telephony on calls exactly as a real Asterisk 22 reported them: the AMI test server replays the
 * events {@link AsteriskCallResultsRealIT} recorded (src/test/resources/asterisk/traces), in their order and with
 * their gaps (at most 300 ms each), so what was proven against Asterisk stays proven in every build.
 */
class RecordedAsteriskCallsTest {

    private TestAmiServer asterisk;
    private AsteriskTelephony telephony;
    private SystemClock clock;
    private final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<AgentLineEvent> agentLines = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() throws Exception {
        Map<String, TestAmiServer.Callee> callees = new java.util.HashMap<>();
        for (String trace : List.of("busy-486", "not-found-404", "unavailable-503", "ring-timeout", "dialer-hangs-up-while-ringing",
                "amd-human", "amd-machine", "bridged-to-agent", "agent-not-on-the-line")) {
            callees.put(number(trace).digits(), TestAmiServer.Callee.replaying(trace));
        }
        asterisk = new TestAmiServer("s3cret", callees);
        clock = new SystemClock("test-clock");
        telephony = new AsteriskTelephony(clock, List.of(new AsteriskServer("pbx1", "127.0.0.1", asterisk.port(), "dialer", "s3cret",
                "PJSIP/{number}@trunk1", 10)));
        telephony.setListener(new CallEventListener() {
            @Override
            public void onEvent(CallEvent event) {
                events.add(event);
            }

            @Override
            public void onAgentLine(AgentLineEvent event) {
                agentLines.add(event);
            }
        });
        telephony.connect();
    }

    @AfterEach
    void close() throws Exception {
        telephony.close();
        asterisk.close();
        clock.close();
    }

    private static PhoneNumber number(String trace) {
        return new PhoneNumber("+1415555" + String.format("%04d", Math.abs(trace.hashCode()) % 10_000));
    }

    private List<CallEvent> dialUntilEnded(String trace, boolean amd) throws InterruptedException {
        telephony.originate(new OriginateRequest(new AttemptId(1), new CampaignId(3), number(trace), null, Duration.ofSeconds(15), amd,
                false, Map.of()));
        List<CallEvent> seen = new ArrayList<>();
        while (seen.isEmpty() || !(seen.get(seen.size() - 1) instanceof CallEvent.CallEnded)) {
            CallEvent e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("the call of " + trace + " ends within 10 s; seen " + seen).isNotNull();
            seen.add(e);
        }
        return seen;
    }

    private static CallEvent.CallEnded ended(List<CallEvent> seen) {
        return (CallEvent.CallEnded) seen.get(seen.size() - 1);
    }

    @Test
    void busyAnswersTheOriginateWithReason0AfterTheHangupAndIsStillBusy() throws Exception {
        CallEvent.CallEnded ended = ended(dialUntilEnded("busy-486", false));
        assertThat(ended.result()).isEqualTo(CallResult.BUSY);
        assertThat(ended.cause()).isEqualTo(17);
    }

    @Test
    void aNumberThatDoesNotExistIsInvalid() throws Exception {
        CallEvent.CallEnded ended = ended(dialUntilEnded("not-found-404", false));
        assertThat(ended.result()).isEqualTo(CallResult.INVALID_NUMBER);
        assertThat(ended.cause()).isEqualTo(1);
    }

    @Test
    void unavailableAnswersTheOriginateBeforeTheHangupAndIsCongestionFromTheHangupRequest() throws Exception {
        CallEvent.CallEnded ended = ended(dialUntilEnded("unavailable-503", false));
        assertThat(ended.result()).isEqualTo(CallResult.CONGESTION);
        assertThat(ended.cause()).isEqualTo(34);
    }

    @Test
    void aRingTimeoutIsNoAnswer() throws Exception {
        List<CallEvent> seen = dialUntilEnded("ring-timeout", false);
        assertThat(seen.get(0)).isInstanceOf(CallEvent.CallRinging.class);
        assertThat(ended(seen).result()).isEqualTo(CallResult.NO_ANSWER);
        assertThat(ended(seen).cause()).isEqualTo(19);
    }

    @Test
    void aRingingCallTheDialerHungUpEndsWithCause16() throws Exception {
        CallEvent.CallEnded ended = ended(dialUntilEnded("dialer-hangs-up-while-ringing", false));
        assertThat(ended.result()).isEqualTo(CallResult.NO_ANSWER);
        assertThat(ended.cause()).isEqualTo(16);
    }

    @Test
    void machineDetectionVerdictsCarryTheirAmdcause() throws Exception {
        CallEvent.CallAnswered human = dialUntilEnded("amd-human", true).stream().filter(CallEvent.CallAnswered.class::isInstance)
                .map(CallEvent.CallAnswered.class::cast).findFirst().orElseThrow();
        assertThat(human.amd()).isEqualTo(AmdStatus.HUMAN);
        assertThat(human.amdCause()).startsWith("HUMAN-");

        events.clear();
        List<CallEvent> machine = dialUntilEnded("amd-machine", true);
        CallEvent.CallAnswered answered = machine.stream().filter(CallEvent.CallAnswered.class::isInstance)
                .map(CallEvent.CallAnswered.class::cast).findFirst().orElseThrow();
        assertThat(answered.amd()).isEqualTo(AmdStatus.MACHINE);
        assertThat(answered.amdCause()).startsWith("LONGGREETING-");
        assertThat(ended(machine).result()).isEqualTo(CallResult.MACHINE);
        assertThat(ended(machine).cause()).isEqualTo(16);
    }

    @Test
    void aCallIsConnectedToTheAgentWhenAsteriskPutsItInTheAgentsConferenceNotOnTheRedirect() throws Exception {
        telephony.connectAgent(new AgentEndpoint(7, "PJSIP/agent1001"));
        assertThat(agentLines.poll(5, TimeUnit.SECONDS)).isInstanceOf(AgentLineEvent.AgentConnected.class);
        telephony.originate(new OriginateRequest(new AttemptId(1), new CampaignId(3), number("bridged-to-agent"), null,
                Duration.ofSeconds(15), false, false, Map.of()));
        List<CallEvent> seen = new ArrayList<>();
        CallEvent e;
        do {
            e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("events of the recorded call; seen " + seen).isNotNull();
            seen.add(e);
            if (e instanceof CallEvent.CallAnswered) {
                telephony.bridge(new AttemptId(1), new AgentEndpoint(7, "PJSIP/agent1001"));
            }
        } while (!(e instanceof CallEvent.CallEnded));
        assertThat(seen).map(x -> x.getClass().getSimpleName())
                .containsSubsequence("CallRinging", "CallAnswered", "CallBridged", "CallEnded");
        assertThat(seen).filteredOn(CallEvent.CallBridged.class::isInstance).singleElement()
                .satisfies(b -> assertThat(((CallEvent.CallBridged) b).agentId()).isEqualTo(7));
    }

    @Test
    void aCallForAnAgentWhosePhoneIsNotOnTheLineIsNeverReportedConnected() throws Exception {
        telephony.originate(new OriginateRequest(new AttemptId(1), new CampaignId(3), number("agent-not-on-the-line"), null,
                Duration.ofSeconds(15), false, false, Map.of()));
        List<CallEvent> seen = new ArrayList<>();
        CallEvent e;
        do {
            e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("events of the recorded call; seen " + seen).isNotNull();
            seen.add(e);
            if (e instanceof CallEvent.CallAnswered) {
                telephony.bridge(new AttemptId(1), new AgentEndpoint(8, "PJSIP/agent1901"));
            }
        } while (!(e instanceof CallEvent.CallEnded));
        assertThat(seen).noneMatch(CallEvent.CallBridged.class::isInstance);
        assertThat(seen).filteredOn(CallEvent.AgentUnreached.class::isInstance).singleElement()
                .satisfies(u -> assertThat(((CallEvent.AgentUnreached) u).reason()).contains("not on its line"));
    }
}
