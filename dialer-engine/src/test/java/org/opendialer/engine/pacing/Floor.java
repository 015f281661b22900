package org.opendialer.engine.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentRoster;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.engine.compliance.AbandonGovernor;
import org.opendialer.engine.compliance.ComplianceSettings;
import org.opendialer.engine.telephony.AgentEndpoint;

/** A hand-built floor for pinning pacing decisions: agents in chosen states, dials of chosen ages. */
class Floor implements PacingSituation {

    final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T10:00:00Z"));
    final AgentRoster roster = new AgentRoster(clock);
    final AbandonGovernor governor = new AbandonGovernor(clock, ComplianceSettings.DEFAULT, java.time.ZoneOffset.UTC);
    final PacingSettings settings = PacingSettings.defaults();
    final CallStatistics statistics = new CallStatistics(settings);
    final List<Long> dials = new ArrayList<>();
    int waiting;
    int connected;
    int robots;
    long placed;
    long answered;
    long abandoned;
    private long nextAgent = 1;
    private long nextAttempt = 1;

    Floor ready(int count) {
        for (int i = 0; i < count; i++) {
            roster.login(new AgentEndpoint(nextAgent++, "PJSIP/a"), Set.of());
        }
        return this;
    }

    /** Agents that took a call {@code secondsAgo}. */
    Floor talking(int count, double secondsAgo) {
        for (int i = 0; i < count; i++) {
            long id = nextAgent++;
            roster.login(new AgentEndpoint(id, "PJSIP/a"), Set.of());
            roster.assign(id, new AttemptId(nextAttempt++));
            connected++;
        }
        clock.advance(Duration.ofMillis((long) (secondsAgo * 1000)));
        return this;
    }

    Floor dialling(int count, double secondsAgo) {
        for (int i = 0; i < count; i++) {
            dials.add(clock.nowMillis() - (long) (secondsAgo * 1000));
        }
        return this;
    }

    @Override
    public long nowMillis() {
        return clock.nowMillis();
    }

    @Override
    public Collection<Agent> agents() {
        return roster.agents();
    }

    @Override
    public int readyAgents() {
        return roster.count(AgentState.READY);
    }

    @Override
    public int onCallAgents() {
        return roster.count(AgentState.ON_CALL);
    }

    @Override
    public int wrapUpAgents() {
        return roster.count(AgentState.WRAP_UP);
    }

    @Override
    public long[] dialsInFlightPlacedAt() {
        return dials.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public int waitingCalls() {
        return waiting;
    }

    @Override
    public int callsInProgress() {
        return dials.size() + waiting + connected + robots;
    }

    @Override
    public int robotCalls() {
        return robots;
    }

    @Override
    public long callsPlaced() {
        return placed;
    }

    @Override
    public long answered() {
        return answered;
    }

    @Override
    public long abandoned() {
        return abandoned;
    }

    @Override
    public CallStatistics statistics() {
        return statistics;
    }

    @Override
    public AbandonGovernor governor() {
        return governor;
    }

    @Override
    public PacingSettings settings() {
        return settings;
    }
}
