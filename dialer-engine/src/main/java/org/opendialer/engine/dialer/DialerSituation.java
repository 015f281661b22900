package org.opendialer.engine.dialer;

import java.util.Collection;
import java.util.function.DoubleSupplier;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentRoster;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.compliance.AbandonGovernor;
import org.opendialer.engine.pacing.CallStatistics;
import org.opendialer.engine.pacing.PacingSettings;
import org.opendialer.engine.pacing.PacingSituation;

/** The pacing policy's view of the floor: a live view over the dialer's calls and agents, never a copy. */
final class DialerSituation implements PacingSituation {

    private final DialerClock clock;
    private final AgentRoster roster;
    private final AgentTime agentTime;
    private final Calls calls;
    private final CallStatistics statistics;
    private final AbandonGovernor governor;
    private final PacingSettings settings;
    private final DoubleSupplier hiddenAbandonRate;

    DialerSituation(DialerClock clock, AgentRoster roster, AgentTime agentTime, Calls calls, CallStatistics statistics,
                    AbandonGovernor governor, PacingSettings settings, DoubleSupplier hiddenAbandonRate) {
        this.clock = clock;
        this.roster = roster;
        this.agentTime = agentTime;
        this.calls = calls;
        this.statistics = statistics;
        this.governor = governor;
        this.settings = settings;
        this.hiddenAbandonRate = hiddenAbandonRate;
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
        return agentTime.count(AgentState.READY);
    }

    @Override
    public int onCallAgents() {
        return agentTime.count(AgentState.ON_CALL);
    }

    @Override
    public int wrapUpAgents() {
        return agentTime.count(AgentState.WRAP_UP);
    }

    @Override
    public long[] dialsInFlightPlacedAt() {
        long[] placed = new long[calls.inFlight];
        int i = 0;
        for (Attempt attempt : calls.attempts.values()) {
            if (attempt.phase.inFlight() && i < placed.length) {
                placed[i++] = attempt.placedAtMillis;
            }
        }
        return placed;
    }

    @Override
    public int dialsInFlight() {
        return calls.inFlight;
    }

    @Override
    public int waitingCalls() {
        return calls.waiting.size();
    }

    @Override
    public int callsInProgress() {
        return calls.attempts.size();
    }

    @Override
    public int robotCalls() {
        return calls.robotCalls;
    }

    @Override
    public long callsPlaced() {
        return calls.callsPlaced;
    }

    @Override
    public long answered() {
        return calls.answered;
    }

    @Override
    public long abandoned() {
        return calls.abandoned;
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

    @Override
    public double hiddenAbandonRate() {
        return hiddenAbandonRate.getAsDouble();
    }
}
