package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.agent.AgentStateChange;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.engine.dialer.AttemptLog;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.CampaignDialer;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.engine.dialer.DialerSettings;
import org.opendialer.engine.pacing.ProgressivePolicy;
import org.opendialer.engine.telephony.AgentEndpoint;

/** The whole dialer (pacing, agents, attempts) dialling through a real Asterisk 22 to SIPp callees and agent phones. */
class CampaignDialerOnAsteriskRealIT {

    @RegisterExtension
    static final RealAsterisk ASTERISK = new RealAsterisk();
    private final SystemClock clock = new SystemClock("dialer-on-asterisk");
    private final BlockingQueue<AttemptOutcome> outcomes = new LinkedBlockingQueue<>();
    private final List<String> located = new CopyOnWriteArrayList<>();
    private final BlockingQueue<AgentStateChange> agentChanges = new LinkedBlockingQueue<>();
    private AsteriskTelephony telephony;

    @AfterEach
    void close() {
        if (telephony != null) {
            telephony.close();
        }
        clock.close();
    }

    private CampaignDialer dialer(long attemptBase, DialLead... leads) {
        telephony = new AsteriskTelephony(clock, List.of(ASTERISK.server(5)), Duration.ofSeconds(5));
        telephony.connect();
        ConcurrentLinkedDeque<DialLead> queue = new ConcurrentLinkedDeque<>(List.of(leads));
        AttemptLog log = new AttemptLog() {
            long next = attemptBase;

            @Override
            public AttemptId open(CampaignId campaign, DialLead lead, Instant placedAt) {
                return new AttemptId(next++);
            }

            @Override
            public void locatedOn(AttemptId attempt, String server, String channel, String uniqueId) {
                located.add(attempt.value() + " " + server + " " + channel + " " + uniqueId);
            }

            @Override
            public void closed(AttemptOutcome outcome) {
                outcomes.add(outcome);
            }
        };
        CampaignDialer dialer = new CampaignDialer(clock, telephony, () -> Optional.ofNullable(queue.pollFirst()), log,
                DialerSettings.defaults(new CampaignId(5)).withRingTimeout(Duration.ofSeconds(15)), new ProgressivePolicy(1));
        dialer.addAgentListener(agentChanges::add);
        return dialer;
    }

    private void onClock(Runnable task) throws InterruptedException {
        BlockingQueue<Boolean> done = new LinkedBlockingQueue<>();
        clock.execute(() -> {
            task.run();
            done.add(true);
        });
        assertThat(done.poll(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theShippedConfigurationPassesTheDialersReadinessCheck() {
        telephony = new AsteriskTelephony(clock, List.of(ASTERISK.server(5)));
        telephony.connect();

        assertThat(telephony.readinessProblems(true)).isEmpty();
    }

    /** Waits until the agent has moved to {@code state} (with a reason starting so, when given) and returns that change. */
    private AgentStateChange awaitAgent(long agentId, AgentState state, String reason, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        List<AgentStateChange> passed = new java.util.ArrayList<>();
        while (true) {
            AgentStateChange c = agentChanges.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (c == null) {
                throw new AssertionError("agent " + agentId + " not " + state + " " + (reason == null ? "" : reason) + " within "
                        + within + "; changes " + passed);
            }
            if (c.agentId() == agentId && c.to() == state && (reason == null || (c.reason() != null && c.reason().startsWith(reason)))) {
                return c;
            }
            passed.add(c);
        }
    }

    private long agentPhoneCalls(long agentId) {
        return ASTERISK.events().all().stream().filter(e -> e.name().equals("Newchannel")
                && String.valueOf(e.get("Uniqueid")).startsWith("dialer-agent-" + agentId + "-")).count();
    }

    @Test
    void anAgentsPhoneIsCalledOnceAtLoginAndEachLiveAnswerIsPutThroughToItWithoutRingingItAgain() throws Exception {
        CampaignDialer dialer = dialer(500, new DialLead(1, AsteriskCallResultsRealIT.callee(1), null, Map.of("FIRST_NAME", "Ann")),
                new DialLead(3, AsteriskCallResultsRealIT.callee(1), null, Map.of()));
        onClock(() -> dialer.login(new AgentEndpoint(11, "PJSIP/" + RealAsterisk.AGENTS.get(0)), Set.of()));
        awaitAgent(11, AgentState.PAUSED, Agent.PHONE_CONNECTING, Duration.ofSeconds(1));
        awaitAgent(11, AgentState.READY, null, Duration.ofSeconds(5));
        onClock(dialer::start);

        for (int call = 0; call < 2; call++) {
            AttemptOutcome outcome = outcomes.poll(30, TimeUnit.SECONDS);
            assertThat(outcome).as("the call ends when the callee hangs up after 12 s").isNotNull();
            assertThat(outcome.result()).isEqualTo(CallResult.HUMAN);
            assertThat(outcome.abandoned()).isFalse();
            assertThat(outcome.agentId()).isEqualTo(11);
            assertThat(outcome.bridgedAt()).isAfter(outcome.answeredAt());
            assertThat(Duration.between(outcome.answeredAt(), outcome.bridgedAt())).isLessThan(Duration.ofMillis(300));
            assertThat(outcome.talkSeconds()).isGreaterThan(5);
            awaitAgent(11, AgentState.WRAP_UP, null, Duration.ofSeconds(2));
            onClock(() -> dialer.completeWrapUp(11));
        }
        assertThat(located).first().asString().startsWith("500 pbx1 PJSIP/trunk1-").endsWith(" dialer-500");
        assertThat(agentPhoneCalls(11)).as("the agent's phone was called once for both calls").isEqualTo(1);

        onClock(() -> {
            dialer.stop();
            dialer.logout(11);
        });
        var hangup = ASTERISK.events().awaitAny(e -> e.name().equals("Hangup")
                && String.valueOf(e.get("Uniqueid")).startsWith("dialer-agent-11-"), Duration.ofSeconds(5));
        assertThat(hangup.get("Cause")).as("logging out hangs up the agent's phone").isEqualTo("16");
    }

    @Test
    void anAgentWhosePhoneDoesNotAnswerAtLoginIsPausedAndGetsNoCall() throws Exception {
        CampaignDialer dialer = dialer(600, new DialLead(2, AsteriskCallResultsRealIT.callee(1), null, Map.of()));
        onClock(() -> {
            dialer.login(new AgentEndpoint(12, "PJSIP/" + RealAsterisk.AWAY_AGENT), Set.of());
            dialer.start();
        });
        AgentStateChange paused = awaitAgent(12, AgentState.PAUSED, Agent.PHONE_DISCONNECTED, Duration.ofSeconds(15));
        assertThat(paused.reason()).contains("did not answer");
        assertThat(located).as("no call placed for an agent not on the line").isEmpty();
        onClock(dialer::stop);
    }

    @Test
    void anAgentWhoPutsThePhoneDownIsPausedAndReadyCallsThePhoneAgain() throws Exception {
        CampaignDialer dialer = dialer(700);
        onClock(() -> dialer.login(new AgentEndpoint(13, "PJSIP/" + RealAsterisk.DROPPING_AGENT), Set.of()));
        awaitAgent(13, AgentState.READY, null, Duration.ofSeconds(5));
        AgentStateChange paused = awaitAgent(13, AgentState.PAUSED, Agent.PHONE_DISCONNECTED, Duration.ofSeconds(6));
        assertThat(paused.reason()).contains("hung up");
        onClock(() -> assertThat(dialer.roster().find(13).orElseThrow().pauseReason()).startsWith(Agent.PHONE_DISCONNECTED));

        onClock(() -> dialer.ready(13));
        awaitAgent(13, AgentState.READY, null, Duration.ofSeconds(5));
        assertThat(agentPhoneCalls(13)).isEqualTo(2);
        onClock(() -> dialer.logout(13));
    }

    @Test
    void aCalleeWhoCannotEnterTheAgentsConferenceWithinTheConnectDeadlineHearsTheSafeHarbourMessageAndIsAbandoned() throws Exception {
        CampaignDialer dialer = dialer(800, new DialLead(4, AsteriskCallResultsRealIT.callee(1), null, Map.of()));
        onClock(() -> dialer.login(new AgentEndpoint(14, "PJSIP/" + RealAsterisk.AGENTS.get(2)), Set.of()));
        awaitAgent(14, AgentState.READY, null, Duration.ofSeconds(5));
        assertThat(ASTERISK.cli("confbridge lock dialer-agent-14")).as("the agent's conference takes nobody new").doesNotContain("No conference");
        onClock(dialer::start);

        AttemptOutcome outcome = outcomes.poll(40, TimeUnit.SECONDS);
        assertThat(outcome).isNotNull();
        assertThat(outcome.abandoned()).as(outcome.toString()).isTrue();
        assertThat(outcome.bridgedAt()).isNull();
        assertThat(outcome.agentId()).isZero();
        assertThat(awaitAgent(14, AgentState.PAUSED, null, Duration.ofSeconds(1)).reason()).contains("connect deadline");
        var played = ASTERISK.events().await("dialer-800", e -> "VarSet".equals(e.name()) && "PLAYBACKSTATUS".equals(e.get("Variable"))
                && "SUCCESS".equals(e.get("Value")), Duration.ofSeconds(2));
        assertThat(played.get("Value")).isEqualTo("SUCCESS");
        onClock(() -> {
            dialer.stop();
            dialer.logout(14);
        });
    }
}
