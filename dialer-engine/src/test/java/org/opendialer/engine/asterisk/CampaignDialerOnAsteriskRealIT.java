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
    private final List<AgentStateChange> agentChanges = new CopyOnWriteArrayList<>();
    private AsteriskTelephony telephony;

    @AfterEach
    void close() {
        if (telephony != null) {
            telephony.close();
        }
        clock.close();
    }

    private CampaignDialer dialer(long attemptBase, DialLead... leads) {
        telephony = new AsteriskTelephony(clock, List.of(ASTERISK.server(5)));
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

    @Test
    void aPersonWhoAnswersTalksToTheAgentOnceAsteriskBridgesThemAndTheCallIsLocatedWhileItRings() throws Exception {
        CampaignDialer dialer = dialer(500, new DialLead(1, AsteriskCallResultsRealIT.callee(1), null, Map.of("FIRST_NAME", "Ann")));
        onClock(() -> {
            dialer.login(new AgentEndpoint(11, "PJSIP/" + RealAsterisk.AGENTS.get(0)), Set.of());
            dialer.ready(11);
            dialer.start();
        });

        AttemptOutcome outcome = outcomes.poll(30, TimeUnit.SECONDS);
        assertThat(outcome).as("the call ends when the callee hangs up after 10 s").isNotNull();
        assertThat(located).singleElement().asString().startsWith("500 pbx1 PJSIP/trunk1-").endsWith(" dialer-500");
        assertThat(outcome.result()).isEqualTo(CallResult.HUMAN);
        assertThat(outcome.abandoned()).isFalse();
        assertThat(outcome.agentId()).isEqualTo(11);
        assertThat(outcome.bridgedAt()).isAfter(outcome.answeredAt());
        assertThat(outcome.talkSeconds()).isGreaterThan(5);
        onClock(dialer::stop);
    }

    @Test
    void aCallWhoseAgentPhoneDoesNotAnswerIsAbandonedWithTheSafeHarbourMessageAndTheAgentIsPaused() throws Exception {
        CampaignDialer dialer = dialer(600, new DialLead(2, AsteriskCallResultsRealIT.callee(1), null, Map.of()));
        onClock(() -> {
            dialer.login(new AgentEndpoint(12, "PJSIP/" + RealAsterisk.AWAY_AGENT), Set.of());
            dialer.ready(12);
            dialer.start();
        });

        AttemptOutcome outcome = outcomes.poll(40, TimeUnit.SECONDS);
        assertThat(outcome).isNotNull();
        assertThat(outcome.abandoned()).isTrue();
        assertThat(outcome.bridgedAt()).isNull();
        assertThat(outcome.agentId()).isZero();
        assertThat(agentChanges).anySatisfy(c -> {
            assertThat(c.agentId()).isEqualTo(12);
            assertThat(c.to()).isEqualTo(AgentState.PAUSED);
            assertThat(c.reason()).contains("did not answer");
        });
        var played = ASTERISK.events().await("dialer-600", e -> "VarSet".equals(e.name()) && "PLAYBACKSTATUS".equals(e.get("Variable")),
                Duration.ofSeconds(1));
        assertThat(played.get("Value")).isEqualTo("SUCCESS");
        onClock(dialer::stop);
    }
}
