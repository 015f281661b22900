package org.opendialer.engine.agent;

import java.time.Instant;
import org.opendialer.engine.call.AttemptId;

/**
 * An agent moved from one state to another. {@code attempt} is the call that caused it (set for
 * ON_CALL and WRAP_UP), {@code reason} the pause reason (set for PAUSED).
 */
public record AgentStateChange(long agentId, AgentState from, AgentState to, Instant at, AttemptId attempt,
                               String reason) implements java.io.Serializable {
}
