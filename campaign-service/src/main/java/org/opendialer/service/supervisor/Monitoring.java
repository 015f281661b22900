package org.opendialer.service.supervisor;

import java.util.Optional;
import org.opendialer.service.softphone.BrowserPhones;
import org.opendialer.service.softphone.Pbx;
import org.opendialer.service.web.ConflictException;

/**
 * A supervisor joins an agent's line: Asterisk calls the supervisor's browser phone and, once answered, ChanSpy
 * listens to the agent's channel (the nailed-up line, so it goes on from call to call), whispers to the agent only,
 * or barges in on agent and callee both. Every one is written to the audit log before Asterisk is asked.
 */
public final class Monitoring {

    private final Optional<Pbx> pbx;
    private final Optional<BrowserPhones> phones;
    private final Audit audit;

    /** Where a supervisor's listening is written down: the audit log, whose entry names the signed-in supervisor. */
    @FunctionalInterface
    public interface Audit {
        void record(String action, String target, String details);
    }

    public Monitoring(Optional<Pbx> pbx, Optional<BrowserPhones> phones, Audit audit) {
        this.pbx = pbx;
        this.phones = phones;
        this.audit = audit;
    }

    /** Starts {@code mode} on {@code agentId}'s line for {@code supervisorId}; returns the agent's channel. */
    public String monitor(long supervisorId, long agentId, MonitorMode mode) {
        Pbx asterisk = pbx.orElseThrow(() -> new ConflictException(
                "listening to calls needs Asterisk (dialer.asterisk.servers); the simulated PBX has no audio"));
        BrowserPhones browserPhones = phones.orElseThrow(() -> new ConflictException(
                "listening to calls needs browser phones (dialer.softphone.pjsip-file and dialer.softphone.websocket-url)"));
        String line = asterisk.channel("dialer-agent-" + agentId + "-")
                .orElseThrow(() -> new ConflictException("agent " + agentId + "'s line is not up on Asterisk"));
        String phone = browserPhones.made(supervisorId)
                .orElseThrow(() -> new ConflictException("open your browser phone first (the dashboard's phone)")).dialString();
        audit.record(mode.auditAction(), "agent " + agentId, line);
        asterisk.spy(phone, line, mode.options(), "Supervisor <" + agentId + ">");
        return line;
    }
}
