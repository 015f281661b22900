package org.opendialer.engine.dialer;

import java.time.Instant;
import java.util.Map;
import org.opendialer.engine.agent.AgentState;

/**
 * A campaign's live numbers at one instant, for dashboards and the metrics registry.
 *
 * @param occupancy (talk + wrap) / staffed time since the dialer started
 */
public record DialerMetrics(Instant at, boolean running, String policy, double dialLevel, int linesInUse,
                            Map<AttemptPhase, Integer> callsByPhase, Map<AgentState, Integer> agentsByState,
                            double abandonRateWindow, double abandonRateToday, long answersToday,
                            long abandonsToday, long callsPlaced, double occupancy) {

    public DialerMetrics {
        callsByPhase = Map.copyOf(callsByPhase);
        agentsByState = Map.copyOf(agentsByState);
    }
}
