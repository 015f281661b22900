package org.opendialer.engine.call;

/** How a dial ended, as far as the dialer can tell. */
public enum CallResult {
    HUMAN, MACHINE, BUSY, NO_ANSWER, CONGESTION, FAILED, REJECTED, INVALID_NUMBER;

    public boolean isAnswered() {
        return this == HUMAN || this == MACHINE;
    }
}
