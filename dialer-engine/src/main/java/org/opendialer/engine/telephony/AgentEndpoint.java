package org.opendialer.engine.telephony;

import java.util.Objects;

/** Where an agent takes calls: the agent's id and the phone endpoint (e.g. {@code PJSIP/agent1001}). */
public record AgentEndpoint(long agentId, String endpoint) {
    public AgentEndpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isBlank()) {
            throw new IllegalArgumentException("agent " + agentId + " has no phone endpoint");
        }
    }
}
