package org.opendialer.engine.dialer;

/** What the campaign does when answering-machine detection says a machine answered. */
public enum MachineAction {
    HANG_UP, LEAVE_MESSAGE, PASS_TO_AGENT
}
