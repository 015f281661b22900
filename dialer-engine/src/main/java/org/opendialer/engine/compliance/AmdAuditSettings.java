package org.opendialer.engine.compliance;

/**
 * How a campaign accounts for the people answering-machine detection hangs up on (each one an abandoned call
 * the dialer cannot see).
 *
 * @param auditShare            share of MACHINE verdicts passed to an agent, who marks person or machine
 *                              (0: no audit)
 * @param toldFalseMachineShare share of people detection takes for a machine, as the campaign states it;
 *                              NaN when nobody knows, so the audit must measure it
 */
public record AmdAuditSettings(double auditShare, double toldFalseMachineShare) {

    /** No detection, or nothing known and nothing audited. */
    public static final AmdAuditSettings NONE = new AmdAuditSettings(0, Double.NaN);

    public AmdAuditSettings {
        if (!(auditShare >= 0 && auditShare <= 1)) {
            throw new IllegalArgumentException("AMD audit share must be between 0 and 1, was " + auditShare);
        }
        if (!Double.isNaN(toldFalseMachineShare) && !(toldFalseMachineShare >= 0 && toldFalseMachineShare <= 0.5)) {
            throw new IllegalArgumentException("AMD false-machine share must be between 0 and 0.5 (or unknown), was "
                    + toldFalseMachineShare);
        }
    }

    public boolean toldShareKnown() {
        return !Double.isNaN(toldFalseMachineShare);
    }
}
