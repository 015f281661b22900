package org.opendialer.service.dialing;

import org.opendialer.engine.compliance.AmdAudit;

/**
 * What the AMD audit says of machine detection, for the dashboard: its counts over every day the campaign ran,
 * the false-machine share seen and the upper end of its 95 % interval (null before the first audit), and the share
 * pacing takes off its abandon budget now ({@code measured}: from the audit rather than the stated share).
 */
public record AmdAuditView(long machineVerdicts, long personVerdicts, long audits, long auditedPeople,
                           Double falseMachineShareSeen, Double falseMachineShareUpperBound, double pacingAllowsFor,
                           boolean measured) {

    static AmdAuditView of(AmdAudit audit) {
        AmdAudit.Counts counts = audit.counts();
        return new AmdAuditView(counts.machineVerdicts(), counts.personVerdicts(), counts.audits(), counts.auditedPeople(),
                finite(audit.falseMachineShareSeen()), finite(audit.falseMachineShareUpperBound()), audit.falseMachineShare(),
                audit.measured());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
