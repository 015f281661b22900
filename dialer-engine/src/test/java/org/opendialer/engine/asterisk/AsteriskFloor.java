package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.agent.AgentStateChange;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.engine.dialer.AttemptLog;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.CampaignDialer;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.engine.dialer.DialerSettings;
import org.opendialer.engine.pacing.ProgressivePolicy;
import org.opendialer.engine.telephony.AgentEndpoint;

/**
 * One campaign dialling through a real Asterisk the way {@code serve} runs it: its own clock, its own
 * {@link AsteriskTelephony} (channel leases shared with other campaigns when given), a {@link CampaignDialer} with
 * progressive pacing, and an attempt log that remembers every outcome. For the lifecycle tests.
 */
final class AsteriskFloor implements AutoCloseable {

    /** Dialler-placed calls' unique ids ({@code dialer-<attempt>}), not the agents' lines. */
    static final Pattern CALL = Pattern.compile("dialer-\\d+");
    private static final AtomicLong ATTEMPTS = new AtomicLong(10_000);

    final SystemClock clock;
    final AsteriskTelephony telephony;
    final CampaignDialer dialer;
    final BlockingQueue<AttemptOutcome> outcomes = new LinkedBlockingQueue<>();
    final BlockingQueue<AgentStateChange> agentChanges = new LinkedBlockingQueue<>();
    final List<AttemptId> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<DialLead> leads = new ConcurrentLinkedDeque<>();

    AsteriskFloor(String name, AsteriskServer server, ChannelLeases leases, long campaign) {
        clock = new SystemClock(name);
        telephony = new AsteriskTelephony(clock, List.of(server), Duration.ofSeconds(15), leases);
        telephony.connect();
        AttemptLog log = new AttemptLog() {
            @Override
            public AttemptId open(CampaignId id, DialLead lead, Instant placedAt) {
                AttemptId attempt = new AttemptId(ATTEMPTS.incrementAndGet());
                opened.add(attempt);
                return attempt;
            }

            @Override
            public void closed(AttemptOutcome outcome) {
                outcomes.add(outcome);
            }
        };
        dialer = new CampaignDialer(clock, telephony, () -> Optional.ofNullable(leads.pollFirst()), log,
                DialerSettings.defaults(new CampaignId(campaign)).withRingTimeout(Duration.ofSeconds(15)), new ProgressivePolicy(1));
        dialer.addAgentListener(agentChanges::add);
    }

    /** Leads to dial, in order. */
    AsteriskFloor leads(DialLead... more) {
        leads.addAll(List.of(more));
        return this;
    }

    /** Every agent who finishes a call sets a disposition at once and is ready for the next. */
    AsteriskFloor agentsWrapUpAtOnce() {
        dialer.addOutcomeListener(o -> {
            if (o.agentId() != 0) {
                clock.execute(() -> dialer.completeWrapUp(o.agentId()));
            }
        });
        return this;
    }

    void onClock(Runnable task) throws InterruptedException {
        BlockingQueue<Boolean> done = new LinkedBlockingQueue<>();
        clock.execute(() -> {
            try {
                task.run();
            } finally {
                done.add(true);
            }
        });
        assertThat(done.poll(10, TimeUnit.SECONDS)).isTrue();
    }

    <T> T ask(java.util.function.Supplier<T> question) throws InterruptedException {
        List<T> answer = new ArrayList<>();
        Runnable asking = () -> answer.add(question.get());
        onClock(asking);
        return answer.get(0);
    }

    void login(long agentId, String phone) throws InterruptedException {
        onClock(() -> dialer.login(new AgentEndpoint(agentId, "PJSIP/" + phone), java.util.Set.of()));
        awaitAgent(agentId, AgentState.READY, Duration.ofSeconds(10));
    }

    AgentStateChange awaitAgent(long agentId, AgentState state, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        List<AgentStateChange> passed = new ArrayList<>();
        while (true) {
            AgentStateChange c = agentChanges.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (c == null) {
                throw new AssertionError("agent " + agentId + " not " + state + " within " + within + "; changes " + passed);
            }
            if (c.agentId() == agentId && c.to() == state) {
                return c;
            }
            passed.add(c);
        }
    }

    AttemptOutcome nextOutcome(Duration within) throws InterruptedException {
        AttemptOutcome outcome = outcomes.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(outcome).as("an attempt closed within " + within).isNotNull();
        return outcome;
    }

    /** The most dialler-placed calls Asterisk had up at once among these events (Newchannel up, Hangup down). */
    static int mostCallsUp(List<AmiTraceRecorder.Received> events) {
        int up = 0;
        int most = 0;
        for (AmiTraceRecorder.Received e : events) {
            String id = e.get("Uniqueid");
            if (id == null || !CALL.matcher(id).matches()) {
                continue;
            }
            if ("Newchannel".equals(e.name())) {
                most = Math.max(most, ++up);
            } else if ("Hangup".equals(e.name())) {
                up--;
            }
        }
        return most;
    }

    /** Stops dialling, logs the agents out and closes the telephony and the clock. */
    @Override
    public void close() {
        try {
            onClock(() -> {
                dialer.stop();
                List.copyOf(dialer.roster().agents()).forEach(a -> dialer.logout(a.id()));
            });
        } catch (InterruptedException | AssertionError e) {
            Thread.currentThread().interrupt();
        }
        telephony.close();
        clock.close();
    }
}
