package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * The Asterisk telephony against a real Asterisk 22 with SIPp callees and agent phones: every call result the
 * dialer stores comes from what Asterisk really reports. Each test saves the call's AMI events under
 * {@code target/asterisk-traces/}; the fast replay tests use such recordings.
 */
class AsteriskCallResultsRealIT {

    @RegisterExtension
    static final RealAsterisk ASTERISK = new RealAsterisk();
    private static final AtomicLong ATTEMPTS = new AtomicLong(100);
    private static SystemClock clock;
    private static AsteriskTelephony telephony;
    private static final Map<AttemptId, BlockingQueue<CallEvent>> EVENTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<Long, BlockingQueue<AgentLineEvent>> AGENT_LINES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void connect() {
        clock = new SystemClock("real-asterisk-clock");
        telephony = new AsteriskTelephony(clock, List.of(ASTERISK.server(20)), Duration.ofSeconds(5));
        telephony.setListener(new CallEventListener() {
            @Override
            public void onEvent(CallEvent e) {
                EVENTS.computeIfAbsent(e.attemptId(), a -> new LinkedBlockingQueue<>()).add(e);
            }

            @Override
            public void onAgentLine(AgentLineEvent e) {
                AGENT_LINES.computeIfAbsent(e.agentId(), a -> new LinkedBlockingQueue<>()).add(e);
            }
        });
        telephony.connect();
        assertThat(telephony.serversInRotation()).as("the shipped AMI user logs in from this host").containsExactly("pbx1");
    }

    @AfterAll
    static void close() {
        if (telephony != null) {
            telephony.close();
            clock.close();
        }
    }

    /** A callee of the SIPp scenario: K picks what the callee does (1 person, 2 busy, 3 unknown, 4 rings on, 5 machine, 6 unavailable). */
    static PhoneNumber callee(int k) {
        return new PhoneNumber("+141555501" + k + "0");
    }

    private AttemptId dial(PhoneNumber number, boolean amd, Map<String, String> variables) {
        AttemptId attempt = new AttemptId(ATTEMPTS.incrementAndGet());
        EVENTS.put(attempt, new LinkedBlockingQueue<>());
        telephony.originate(new OriginateRequest(attempt, new CampaignId(3), number, "4155550100", Duration.ofSeconds(15), amd, false,
                variables));
        return attempt;
    }

    private static <T extends CallEvent> T next(AttemptId attempt, Class<T> type, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        BlockingQueue<CallEvent> queue = EVENTS.get(attempt);
        while (true) {
            long left = until - System.nanoTime();
            CallEvent e = queue.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no " + type.getSimpleName() + " for " + attempt + " within " + within);
            }
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
    }

    /** Saves the call's events once Asterisk has sent its Hangup (which may come after the dialer's CallEnded). */
    private static void save(AttemptId attempt, TestInfo test) throws Exception {
        ASTERISK.events().await("dialer-" + attempt.value(), e -> e.name().equals("Hangup")
                && ("dialer-" + attempt.value()).equals(e.get("Uniqueid")), Duration.ofSeconds(15));
        ASTERISK.events().save("dialer-" + attempt.value(), Path.of("target", "asterisk-traces", test.getTestMethod().orElseThrow().getName() + ".txt"),
                test.getDisplayName());
    }

    @Test
    void anAnsweredCallRingsWhereItLivesIsAnsweredAndTheDialersHangupCarriesCause16(TestInfo test) throws Exception {
        AttemptId attempt = dial(callee(1), false, Map.of());

        CallEvent.CallRinging ringing = next(attempt, CallEvent.CallRinging.class, Duration.ofSeconds(5));
        assertThat(ringing.server()).isEqualTo("pbx1");
        assertThat(ringing.channel()).startsWith("PJSIP/trunk1-");
        assertThat(ringing.uniqueId()).isEqualTo("dialer-" + attempt.value());
        CallEvent.CallAnswered answered = next(attempt, CallEvent.CallAnswered.class, Duration.ofSeconds(5));
        assertThat(answered.amd()).isNull();

        telephony.hangup(attempt);
        CallEvent.CallEnded ended = next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(5));
        assertThat(ended.result()).isEqualTo(CallResult.HUMAN);
        assertThat(ended.cause()).isEqualTo(16);
        assertThat(ASTERISK.events().await(ringing.uniqueId(), e -> e.name().equals("Hangup"), Duration.ofSeconds(2)).get("Cause"))
                .isEqualTo("16");
        save(attempt, test);
    }

    @Test
    void aBusyCalleeIsBusyWithCause17(TestInfo test) throws Exception {
        AttemptId attempt = dial(callee(2), false, Map.of());
        CallEvent.CallEnded ended = next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(10));
        assertThat(ended.result()).isEqualTo(CallResult.BUSY);
        assertThat(ended.cause()).isEqualTo(17);
        save(attempt, test);
    }

    @Test
    void aNumberThatDoesNotExistIsAnInvalidNumberWithCause1(TestInfo test) throws Exception {
        AttemptId attempt = dial(callee(3), false, Map.of());
        CallEvent.CallEnded ended = next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(10));
        assertThat(ended.result()).isEqualTo(CallResult.INVALID_NUMBER);
        assertThat(ended.cause()).isEqualTo(1);
        save(attempt, test);
    }

    @Test
    void anUnavailableCalleeIsCongestionWithCause34(TestInfo test) throws Exception {
        AttemptId attempt = dial(callee(6), false, Map.of());
        CallEvent.CallEnded ended = next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(10));
        assertThat(ended.result()).isEqualTo(CallResult.CONGESTION);
        assertThat(ended.cause()).isEqualTo(34);
        save(attempt, test);
    }

    @Test
    void aCalleeWhoLetsItRingPastTheRingTimeoutIsNoAnswer(TestInfo test) throws Exception {
        AttemptId attempt = dial(callee(4), false, Map.of());
        next(attempt, CallEvent.CallRinging.class, Duration.ofSeconds(5));
        CallEvent.CallEnded ended = next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(25));
        assertThat(ended.result()).isEqualTo(CallResult.NO_ANSWER);
        assertThat(ended.cause()).isEqualTo(19);
        save(attempt, test);
    }

    @Test
    void aRingingCallTheDialerHangsUpEndsWithCause16(TestInfo test) throws Exception {
        AttemptId attempt = dial(callee(4), false, Map.of());
        CallEvent.CallRinging ringing = next(attempt, CallEvent.CallRinging.class, Duration.ofSeconds(5));
        telephony.hangup(attempt);
        CallEvent.CallEnded ended = next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(5));
        assertThat(ended.result()).isEqualTo(CallResult.NO_ANSWER);
        assertThat(ended.cause()).isEqualTo(16);
        assertThat(ASTERISK.events().await(ringing.uniqueId(), e -> e.name().equals("Hangup"), Duration.ofSeconds(2)).get("Cause"))
                .isEqualTo("16");
        save(attempt, test);
    }

    @Test
    void machineDetectionHearsAPersonAndStoresAmdcause(TestInfo test) throws Exception {
        AttemptId attempt = dial(callee(1), true, Map.of());
        CallEvent.CallAnswered answered = next(attempt, CallEvent.CallAnswered.class, Duration.ofSeconds(10));
        assertThat(answered.amd()).isEqualTo(AmdStatus.HUMAN);
        assertThat(answered.amdCause()).startsWith("HUMAN-");
        telephony.hangup(attempt);
        assertThat(next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(5)).result()).isEqualTo(CallResult.HUMAN);
        save(attempt, test);
    }

    @Test
    void machineDetectionHearsAnAnsweringMachineAndStoresAmdcause(TestInfo test) throws Exception {
        AttemptId attempt = dial(callee(5), true, Map.of());
        CallEvent.CallAnswered answered = next(attempt, CallEvent.CallAnswered.class, Duration.ofSeconds(10));
        assertThat(answered.amd()).isEqualTo(AmdStatus.MACHINE);
        assertThat(answered.amdCause()).startsWith("LONGGREETING-");
        telephony.hangup(attempt);
        CallEvent.CallEnded ended = next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(5));
        assertThat(ended.result()).isEqualTo(CallResult.MACHINE);
        assertThat(ended.cause()).isEqualTo(16);
        save(attempt, test);
    }

    @Test
    void leadFieldsWithCommasQuotesAndBracketsReachTheDialplanWhole(TestInfo test) throws Exception {
        String name = "Smith, John \"Jr\" (UK) [x] \\ 100% {a|b}";
        AttemptId attempt = dial(callee(1), false, Map.of("LAST_NAME", name, "COMPANY", "Acme, Inc."));
        next(attempt, CallEvent.CallRinging.class, Duration.ofSeconds(5));
        String uniqueId = "dialer-" + attempt.value();
        assertThat(AmiTraceRecorder.unescaped(ASTERISK.events().await(uniqueId, e -> "VarSet".equals(e.name())
                && "LAST_NAME".equals(e.get("Variable")), Duration.ofSeconds(2)).get("Value"))).isEqualTo(name);
        assertThat(ASTERISK.events().await(uniqueId, e -> "VarSet".equals(e.name()) && "COMPANY".equals(e.get("Variable")),
                Duration.ofSeconds(2)).get("Value")).isEqualTo("Acme, Inc.");
        telephony.hangup(attempt);
        next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(10));
        save(attempt, test);
    }

    /** Calls the agent's phone into the agent's conference and waits until Asterisk has it there. */
    private static void agentOnLine(long agentId, String phone) throws InterruptedException {
        AGENT_LINES.put(agentId, new LinkedBlockingQueue<>());
        telephony.connectAgent(new AgentEndpoint(agentId, "PJSIP/" + phone));
        assertThat(AGENT_LINES.get(agentId).poll(5, TimeUnit.SECONDS)).as("the phone of " + phone + " on its line")
                .isInstanceOf(AgentLineEvent.AgentConnected.class);
    }

    private static AgentLineEvent.AgentPhoneDropped dropped(long agentId, Duration within) throws InterruptedException {
        AgentLineEvent e = AGENT_LINES.get(agentId).poll(within.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(e).as("agent " + agentId + "'s line dropped within " + within).isInstanceOf(AgentLineEvent.AgentPhoneDropped.class);
        return (AgentLineEvent.AgentPhoneDropped) e;
    }

    @Test
    void aLiveAnswerJoinsTheAgentsConferenceWhereThePhoneWaitsAndIsConnectedOnlyWhenAsteriskSaysSo(TestInfo test) throws Exception {
        agentOnLine(7, RealAsterisk.AGENTS.get(0));
        AttemptId attempt = dial(callee(1), false, Map.of());
        CallEvent.CallAnswered answered = next(attempt, CallEvent.CallAnswered.class, Duration.ofSeconds(5));
        telephony.bridge(attempt, new AgentEndpoint(7, "PJSIP/" + RealAsterisk.AGENTS.get(0)));

        CallEvent.CallBridged bridged = next(attempt, CallEvent.CallBridged.class, Duration.ofSeconds(2));
        assertThat(bridged.agentId()).isEqualTo(7);
        String uniqueId = "dialer-" + attempt.value();
        var joined = ASTERISK.events().await(uniqueId, e -> e.name().equals("ConfbridgeJoin") && uniqueId.equals(e.get("Uniqueid")),
                Duration.ofSeconds(1));
        assertThat(joined.get("Conference")).isEqualTo("dialer-agent-7");
        assertThat(ASTERISK.events().all()).as("the agent's phone is not rung for the call")
                .noneMatch(e -> e.name().equals("DialBegin") && uniqueId.equals(e.get("Uniqueid")));
        assertThat(Duration.between(answered.at(), bridged.at())).isLessThan(Duration.ofMillis(300));

        telephony.hangup(attempt);
        assertThat(next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(5)).result()).isEqualTo(CallResult.HUMAN);
        assertThat(AGENT_LINES.get(7L).poll(1, TimeUnit.SECONDS)).as("the agent's phone stays on its line after the call").isNull();
        telephony.disconnectAgent(7);
        var agentHangup = ASTERISK.events().awaitAny(e -> e.name().equals("Hangup") && String.valueOf(e.get("Uniqueid")).startsWith("dialer-agent-7-"),
                Duration.ofSeconds(5));
        assertThat(agentHangup.get("Cause")).as("logging out hangs up the agent's phone").isEqualTo("16");
        save(attempt, test);
    }

    @Test
    void anAgentsPhoneThatNeverAnswersDropsAndACallSentToItHearsTheSafeHarbourMessage(TestInfo test) throws Exception {
        AGENT_LINES.put(8L, new LinkedBlockingQueue<>());
        telephony.connectAgent(new AgentEndpoint(8, "PJSIP/" + RealAsterisk.AWAY_AGENT));
        assertThat(dropped(8, Duration.ofSeconds(15)).reason()).contains("did not answer");

        AttemptId attempt = dial(callee(1), false, Map.of());
        next(attempt, CallEvent.CallAnswered.class, Duration.ofSeconds(5));
        telephony.bridge(attempt, new AgentEndpoint(8, "PJSIP/" + RealAsterisk.AWAY_AGENT));
        assertThat(next(attempt, CallEvent.AgentUnreached.class, Duration.ofSeconds(1)).reason()).contains("not on its line");

        telephony.playSafeHarbourAndHangup(attempt);
        String uniqueId = "dialer-" + attempt.value();
        // the campaign has no recording of its own: the shipped safe-harbour recording plays
        var played = ASTERISK.events().await(uniqueId, e -> "VarSet".equals(e.name()) && "PLAYBACKSTATUS".equals(e.get("Variable"))
                && "SUCCESS".equals(e.get("Value")), Duration.ofSeconds(15));
        assertThat(played.get("Value")).isEqualTo("SUCCESS");
        CallEvent.CallEnded ended = next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(5));
        assertThat(ended.cause()).isEqualTo(16);
        save(attempt, test);
    }

    @Test
    void anAgentWhoPutsThePhoneDownDropsOffTheLine() throws Exception {
        agentOnLine(9, RealAsterisk.DROPPING_AGENT);
        assertThat(dropped(9, Duration.ofSeconds(8)).reason()).contains("hung up");
    }

    @Test
    void answerToAgentBridgeLatencyIsMeasured() throws Exception {
        agentOnLine(21, RealAsterisk.AGENTS.get(1));
        List<Long> plain = bridgeLatencies(21, 25, false);
        Latency.record("answer -> callee in the agent's conference, AMD off (agent's phone nailed up)", plain);
        List<Long> amd = bridgeLatencies(21, 15, true);
        Latency.record("AMD verdict -> callee in the agent's conference, AMD on (agent's phone nailed up)", amd);
        telephony.disconnectAgent(21);
        assertThat(Latency.percentile(plain, 99)).isLessThanOrEqualTo(300);
        assertThat(Latency.percentile(amd, 99)).isLessThanOrEqualTo(300);
    }

    private List<Long> bridgeLatencies(long agentId, int calls, boolean amd) throws Exception {
        List<Long> millis = new java.util.ArrayList<>();
        for (int i = 0; i < calls; i++) {
            AttemptId attempt = dial(callee(1), amd, Map.of());
            CallEvent.CallAnswered answered = next(attempt, CallEvent.CallAnswered.class, Duration.ofSeconds(10));
            telephony.bridge(attempt, new AgentEndpoint(agentId, "PJSIP/" + RealAsterisk.AGENTS.get(1)));
            CallEvent.CallBridged bridged = next(attempt, CallEvent.CallBridged.class, Duration.ofSeconds(5));
            millis.add(bridged.at().toEpochMilli() - answered.at().toEpochMilli());
            telephony.hangup(attempt);
            next(attempt, CallEvent.CallEnded.class, Duration.ofSeconds(5));
        }
        return millis;
    }
}
