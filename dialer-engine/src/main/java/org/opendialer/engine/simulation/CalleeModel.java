package org.opendialer.engine.simulation;

import org.opendialer.engine.telephony.OriginateRequest;

/** Decides what the callee of each simulated call does. Called on the clock thread, once per call. */
@FunctionalInterface
public interface CalleeModel {

    SimulatedCall callFor(OriginateRequest request, long sequence);

    /** How long {@code call} lasts once connected to the agent {@code agentId} (some agents talk longer than others). */
    default double talkSeconds(SimulatedCall call, long agentId) {
        return call.talkSeconds();
    }
}
