package org.opendialer.engine.dialer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.agent.AgentStateChange;

/** Counts agents per state and adds up staffed and busy time, from the roster's state changes. */
final class AgentTime implements Consumer<AgentStateChange> {

    private final Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
    private final Map<Long, Long> since = new HashMap<>();
    private final Map<Long, AgentState> states = new HashMap<>();
    private double staffedMillis;
    private double busyMillis;

    AgentTime() {
        for (AgentState state : AgentState.values()) {
            counts.put(state, 0);
        }
    }

    @Override
    public void accept(AgentStateChange change) {
        long at = change.at().toEpochMilli();
        Long from = since.put(change.agentId(), at);
        AgentState previous = states.put(change.agentId(), change.to());
        if (previous != null) {
            counts.merge(previous, -1, Integer::sum);
            account(previous, at - from);
        }
        counts.merge(change.to(), 1, Integer::sum);
    }

    int count(AgentState state) {
        return counts.get(state);
    }

    /** (talk + wrap) / staffed time so far, counting the time agents have spent in their current state. */
    double occupancy(long nowMillis) {
        double staffed = staffedMillis;
        double busy = busyMillis;
        for (Map.Entry<Long, AgentState> entry : states.entrySet()) {
            long elapsed = nowMillis - since.get(entry.getKey());
            if (entry.getValue().isStaffed()) {
                staffed += elapsed;
                if (entry.getValue() != AgentState.READY) {
                    busy += elapsed;
                }
            }
        }
        return staffed == 0 ? 0 : busy / staffed;
    }

    private void account(AgentState state, long millis) {
        if (state.isStaffed()) {
            staffedMillis += millis;
            if (state != AgentState.READY) {
                busyMillis += millis;
            }
        }
    }
}
