package org.opendialer.engine.telephony;

/** Receives what happens to placed calls and to agents' lines; called on the telephony adapter's threads. */
@FunctionalInterface
public interface CallEventListener {
    void onEvent(CallEvent event);

    /** An agent's phone came onto its line or dropped off it; ignored unless the listener cares. */
    default void onAgentLine(AgentLineEvent event) {
    }
}
