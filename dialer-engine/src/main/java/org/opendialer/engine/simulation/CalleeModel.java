package org.opendialer.engine.simulation;

import org.opendialer.engine.telephony.OriginateRequest;

/** Decides what the callee of each simulated call does. Called on the clock thread, once per call. */
@FunctionalInterface
public interface CalleeModel {

    SimulatedCall callFor(OriginateRequest request, long sequence);
}
