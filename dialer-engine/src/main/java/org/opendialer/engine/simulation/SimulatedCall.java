package org.opendialer.engine.simulation;

import org.opendialer.engine.call.AmdStatus;

/**
 * What the far end of one simulated call will do.
 *
 * @param kind           how the dial turns out
 * @param setupSeconds   post-dial delay until it rings
 * @param answerSeconds  ring time before a person or machine picks up (HUMAN, MACHINE)
 * @param failSeconds    ring time before busy, failed or congestion is signalled
 * @param talkSeconds    how long the call lasts once connected to an agent or the robot
 * @param patienceSeconds how long an answered callee waits in silence for an agent before hanging up
 * @param amdVerdict     what machine detection will say about this answer (when detection is on)
 */
public record SimulatedCall(Kind kind, double setupSeconds, double answerSeconds, double failSeconds,
                            double talkSeconds, double patienceSeconds, AmdStatus amdVerdict) {

    public enum Kind { HUMAN, MACHINE, BUSY, INVALID, NO_ANSWER, CONGESTION }

    public boolean live() {
        return kind == Kind.HUMAN;
    }
}
