package org.opendialer.engine.telephony;

import java.time.Instant;

/**
 * What happened to an agent's own line: the phone the telephony called when the agent logged in and keeps in
 * the agent's bridge between calls. Wire-level events never leave the adapter.
 */
public sealed interface AgentLineEvent {

    long agentId();

    Instant at();

    /** The agent's phone answered and is in the agent's bridge: answered calls can be put through to it. */
    record AgentConnected(long agentId, Instant at) implements AgentLineEvent {
    }

    /** The agent's phone is no longer in the bridge, or never got there ({@code reason}: hung up, did not answer). */
    record AgentPhoneDropped(long agentId, Instant at, String reason) implements AgentLineEvent {
    }
}
