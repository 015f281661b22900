package org.opendialer.engine.dialer;

/** Where a call is between placing and hanging up. */
public enum AttemptPhase {
    DIALING, RINGING, WAITING_FOR_AGENT, CONNECTED, WITH_ROBOT, MACHINE, ABANDONING, ENDED;

    /** Placed and not answered yet. */
    public boolean inFlight() {
        return this == DIALING || this == RINGING;
    }
}
