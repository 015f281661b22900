package org.opendialer.service.supervisor;

/** How a supervisor joins an agent's call, as ChanSpy options: q (no beep), w (whisper to the agent), B (barge). */
public enum MonitorMode {
    LISTEN("q", "CALL_LISTENED"),
    WHISPER("qw", "CALL_WHISPERED"),
    BARGE("qB", "CALL_BARGED");

    private final String options;
    private final String auditAction;

    MonitorMode(String options, String auditAction) {
        this.options = options;
        this.auditAction = auditAction;
    }

    public String options() {
        return options;
    }

    /** The audit log's name for it. */
    public String auditAction() {
        return auditAction;
    }
}
