package org.opendialer.engine.agent;

import java.util.Objects;
import java.util.Set;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.telephony.AgentEndpoint;

/**
 * One agent's live state. Mutable, and touched only on the engine's clock thread; everyone else sees
 * {@link AgentStateChange} events and snapshots.
 */
public final class Agent {

    /** Pause reason while the agent's phone is being called into the agent's bridge (at log-in, or ready after a drop). */
    public static final String PHONE_CONNECTING = "PHONE_CONNECTING";
    /** Pause reason (followed by the detail) when the agent's phone dropped off its line or never answered. */
    public static final String PHONE_DISCONNECTED = "PHONE_DISCONNECTED";

    private final AgentEndpoint endpoint;
    private final Set<String> skills;
    private AgentState state = AgentState.LOGGED_OUT;
    private long stateSinceMillis;
    private long callStartMillis;
    private boolean machineCall;
    private AttemptId attempt;
    private String pauseReason;

    Agent(AgentEndpoint endpoint, Set<String> skills) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.skills = Set.copyOf(skills);
    }

    public long id() {
        return endpoint.agentId();
    }

    public AgentEndpoint endpoint() {
        return endpoint;
    }

    public AgentState state() {
        return state;
    }

    /** When the agent entered the current state, in epoch millis. */
    public long stateSinceMillis() {
        return stateSinceMillis;
    }

    /** When the current or last call was bridged, in epoch millis. */
    public long callStartMillis() {
        return callStartMillis;
    }

    /** The talk that ended (or is running) was short enough to look like a machine or a wrong party. */
    public boolean machineCall() {
        return machineCall;
    }

    public AttemptId attempt() {
        return attempt;
    }

    public String pauseReason() {
        return pauseReason;
    }

    public boolean hasSkill(String skill) {
        return skill == null || skill.isEmpty() || skills.contains(skill);
    }

    public Set<String> skills() {
        return skills;
    }

    void moveTo(AgentState next, long atMillis, AttemptId call, String reason) {
        if (next == AgentState.ON_CALL) {
            callStartMillis = atMillis;
            machineCall = false;
        }
        state = next;
        stateSinceMillis = atMillis;
        attempt = next == AgentState.ON_CALL || next == AgentState.WRAP_UP ? call : null;
        pauseReason = next == AgentState.PAUSED ? reason : null;
    }

    void markMachineCall(boolean machine) {
        this.machineCall = machine;
    }
}
