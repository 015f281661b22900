package org.opendialer.engine.agent;

/** Where an agent is in the working cycle. Only READY agents take new calls. */
public enum AgentState {
    LOGGED_OUT, READY, ON_CALL, WRAP_UP, PAUSED;

    /** Logged in and working: counts towards staffed time and the lines the pacing may use. */
    public boolean isStaffed() {
        return this == READY || this == ON_CALL || this == WRAP_UP;
    }
}
