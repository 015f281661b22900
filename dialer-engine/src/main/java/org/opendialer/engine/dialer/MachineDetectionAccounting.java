package org.opendialer.engine.dialer;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.compliance.AmdAudit;

/**
 * A campaign's account of the people machine detection hangs up on: which MACHINE verdicts go to an agent for the
 * audit, the marks agents give them, what pacing takes off its budget for them, and the warning when that nears the
 * target. Clock thread only.
 */
final class MachineDetectionAccounting {

    /** Pacing keeps at least a tenth of the abandon budget for itself, whatever detection is thought to lose. */
    static final double HIDDEN_SHARE_OF_TARGET_AT_MOST = 0.9;
    /** Audits never marked are forgotten past this many (an agent may skip the mark). */
    private static final int AUDITS_AWAITING_AT_MOST = 10_000;

    private final DialerSettings settings;
    private final AmdAudit audit;
    private final Set<AttemptId> awaitingMark = new LinkedHashSet<>();

    MachineDetectionAccounting(DialerSettings settings) {
        this.settings = settings;
        this.audit = new AmdAudit(settings.amdAudit());
    }

    boolean hangsUpOnMachines() {
        return settings.detectMachines() && settings.machineAction() != MachineAction.PASS_TO_AGENT;
    }

    /** A detection verdict came in; true when this MACHINE verdict goes to an agent to be audited. */
    boolean verdict(AttemptId attempt, boolean machine) {
        if (!hangsUpOnMachines()) {
            return false;
        }
        if (!machine) {
            audit.personVerdict();
            return false;
        }
        if (!audit.machineVerdict()) {
            return false;
        }
        awaitingMark.add(attempt);
        if (awaitingMark.size() > AUDITS_AWAITING_AT_MOST) {
            awaitingMark.remove(awaitingMark.iterator().next());
        }
        return true;
    }

    /** @return false when the attempt was not one to audit (or was marked already) */
    boolean marked(AttemptId attempt, boolean person) {
        if (!awaitingMark.remove(attempt)) {
            return false;
        }
        audit.audited(person);
        return true;
    }

    AmdAudit audit() {
        return audit;
    }

    double hiddenAbandonRate() {
        if (!hangsUpOnMachines()) {
            return settings.pacing().hiddenAbandonRate();
        }
        return Math.min(settings.compliance().abandonTarget() * HIDDEN_SHARE_OF_TARGET_AT_MOST, audit.falseMachineShare());
    }

    /**
     * A warning once the people machine detection hangs up on alone (at the upper end of what the audit allows)
     * come to two thirds of the abandon target: pacing is then left almost nothing, and the safe settings are to
     * pass machines to agents or to switch detection off.
     */
    Optional<NotDialingReason> warning() {
        if (!hangsUpOnMachines()) {
            return Optional.empty();
        }
        double target = settings.compliance().abandonTarget();
        double hidden = audit.falseMachineShare();
        if (hidden < target * 2 / 3) {
            return Optional.empty();
        }
        String basis = audit.measured()
                ? String.format("up to %.2f %% (95 %% bound from %d audited MACHINE verdicts, %d of them people)", hidden * 100,
                        audit.audits(), audit.auditedPeople())
                : String.format("%.2f %% (%s)", hidden * 100, settings.amdAudit().toldShareKnown()
                        ? "as the campaign states it" : "assumed until the audit has measured it");
        return Optional.of(new NotDialingReason(NotDialingReason.Code.AMD_FALSE_MACHINES_NEAR_TARGET, String.format(
                "machine detection alone hangs up on %s of the people who answer, close to the %.2f %% abandon target, "
                        + "leaving pacing %.2f %%: pass machines to agents or switch detection off",
                basis, target * 100, Math.max(0, target - Math.min(hidden, target * HIDDEN_SHARE_OF_TARGET_AT_MOST)) * 100)));
    }
}
