package org.opendialer.engine.simulation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.agent.AgentStateChange;
import org.opendialer.engine.dialer.AttemptOutcome;

/**
 * Adds up a shift's ground truth from agent state changes and finished attempts, using what only the
 * simulation knows: which answers were people.
 */
final class DayMetrics implements Consumer<AgentStateChange> {

    private final long shiftStartMillis;
    private final int hours;
    private final Map<Long, Long> since = new HashMap<>();
    private final Map<Long, AgentState> states = new HashMap<>();
    private final Map<Long, Boolean> liveCall = new HashMap<>();
    private final long[] answersByHour;
    private final long[] abandonedByHour;
    private double[] waits = new double[1024];
    private int waitCount;
    private double staffed;
    private double busy;
    private double liveTalk;
    private long liveAnswers;
    private long liveConnects;
    private long abandoned;
    private long pacingAbandoned;

    DayMetrics(long shiftStartMillis, double shiftHours) {
        this.shiftStartMillis = shiftStartMillis;
        this.hours = (int) Math.ceil(shiftHours);
        this.answersByHour = new long[hours];
        this.abandonedByHour = new long[hours];
    }

    @Override
    public void accept(AgentStateChange change) {
        long at = change.at().toEpochMilli();
        Long from = since.put(change.agentId(), at);
        AgentState previous = states.put(change.agentId(), change.to());
        if (previous != null) {
            account(change.agentId(), previous, (at - from) / 1000.0);
            if (previous == AgentState.READY && change.to() == AgentState.ON_CALL) {
                addWait((at - from) / 1000.0);
            }
        }
    }

    void callConnected(long agentId, boolean live) {
        liveCall.put(agentId, live);
        if (live) {
            liveConnects++;
        }
    }

    private void account(long agentId, AgentState state, double seconds) {
        if (state.isStaffed()) {
            staffed += seconds;
            if (state != AgentState.READY) {
                busy += seconds;
            }
            if (state == AgentState.ON_CALL && Boolean.TRUE.equals(liveCall.get(agentId))) {
                liveTalk += seconds;
            }
        }
    }

    private void addWait(double seconds) {
        if (waitCount == waits.length) {
            waits = java.util.Arrays.copyOf(waits, waitCount * 2);
        }
        waits[waitCount++] = seconds;
    }

    /** A finished attempt: counts it when a person answered. */
    void attemptClosed(AttemptOutcome outcome, SimulatedCall call) {
        if (call == null || !call.live() || outcome.answeredAt() == null) {
            return;
        }
        int hour = hourOf(outcome.answeredAt().toEpochMilli());
        liveAnswers++;
        answersByHour[hour]++;
        boolean hungUpByDetection = outcome.bridgedAt() == null && !outcome.abandoned() && !outcome.robot();
        if (outcome.abandoned() || hungUpByDetection) {
            abandoned++;
            abandonedByHour[hour]++;
            if (outcome.abandoned()) {
                pacingAbandoned++;
            }
        }
    }

    private int hourOf(long millis) {
        int hour = (int) ((millis - shiftStartMillis) / 3_600_000);
        return Math.max(0, Math.min(hours - 1, hour));
    }

    DayResult finish(long seed, long endMillis, long callsPlaced, double p50, double p99) {
        for (Map.Entry<Long, AgentState> entry : states.entrySet()) {
            account(entry.getKey(), entry.getValue(), (endMillis - since.get(entry.getKey())) / 1000.0);
        }
        return new DayResult(seed, callsPlaced, staffed, busy, liveTalk, liveAnswers, liveConnects, abandoned,
                pacingAbandoned, answersByHour, abandonedByHour, java.util.Arrays.copyOf(waits, waitCount), p50, p99);
    }
}
