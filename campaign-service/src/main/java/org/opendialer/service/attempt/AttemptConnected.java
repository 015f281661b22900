package org.opendialer.service.attempt;

import java.time.Instant;
import java.util.OptionalLong;
import org.opendialer.engine.call.AttemptId;

/** The callee is talking to an agent ({@code agentId}) or, with no agent, to the robot. */
public record AttemptConnected(AttemptId attempt, OptionalLong agentId, Instant at) implements AttemptEvent {

    public boolean withRobot() {
        return agentId.isEmpty();
    }
}
