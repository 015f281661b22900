package org.opendialer.engine.compliance;

import org.apache.commons.math3.stat.interval.ClopperPearsonInterval;

/**
 * Measures how often answering-machine detection hangs up on a person. A share of the MACHINE verdicts is passed
 * to an agent instead of being hung up, and the agent marks whether a person or a machine was there; the people
 * among audited verdicts, over the people among all answers, give the false-machine share, and pacing takes the
 * upper end of its confidence interval (Clopper-Pearson, 95 %) off its abandon budget, so too few audits err on
 * the safe side. Until enough verdicts were audited, the share the campaign states stands, or, when it states
 * none, a cautious {@link #UNKNOWN_FALSE_MACHINE}.
 *
 * <p>Clock thread only.
 */
public final class AmdAudit {

    static final double CONFIDENCE = 0.95;
    /** A stated share stands until this many verdicts were audited. */
    static final int AUDITS_BEFORE_MEASURED = 30;
    /** What an unknown detector is taken to get wrong before its audit says more. */
    static final double UNKNOWN_FALSE_MACHINE = 0.02;

    /** While unsure, the audit share is raised this many times (to at most {@link #MOST_AUDITED}). */
    static final double UNSURE_BOOST = 10;
    static final double MOST_AUDITED = 0.5;

    private final AmdAuditSettings settings;
    private double credit;
    private long machineVerdicts;
    private long personVerdicts;
    private long audited;
    private long auditedPeople;
    private long boundAudits = -1;
    private double bound;

    public AmdAudit(AmdAuditSettings settings) {
        this.settings = settings;
    }

    /**
     * What an audit has counted, kept across days so a campaign's second day starts with the first day's evidence.
     *
     * @param machineVerdicts MACHINE verdicts (audited or not)
     * @param personVerdicts  PERSON verdicts
     * @param audits          audited MACHINE verdicts an agent marked
     * @param auditedPeople   of those, the ones where a person was there
     */
    public record Counts(long machineVerdicts, long personVerdicts, long audits, long auditedPeople) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public Counts {
            if (machineVerdicts < 0 || personVerdicts < 0 || audits < 0 || auditedPeople < 0) {
                throw new IllegalArgumentException("AMD audit counts cannot be negative: " + machineVerdicts + ", "
                        + personVerdicts + ", " + audits + ", " + auditedPeople);
            }
            if (auditedPeople > audits) {
                throw new IllegalArgumentException("more audited people (" + auditedPeople + ") than audits (" + audits + ")");
            }
        }

        public Counts plus(Counts other) {
            return new Counts(machineVerdicts + other.machineVerdicts, personVerdicts + other.personVerdicts,
                    audits + other.audits, auditedPeople + other.auditedPeople);
        }
    }

    /** Adds what earlier days counted (at the start of a run, before any verdict of its own). */
    public void startFrom(Counts earlier) {
        machineVerdicts += earlier.machineVerdicts();
        personVerdicts += earlier.personVerdicts();
        audited += earlier.audits();
        auditedPeople += earlier.auditedPeople();
    }

    /** Everything counted so far, earlier days' evidence included. */
    public Counts counts() {
        return new Counts(machineVerdicts, personVerdicts, audited, auditedPeople);
    }

    /** A MACHINE verdict came in; true when this one goes to an agent to be audited (every 1/share-th). */
    public boolean machineVerdict() {
        machineVerdicts++;
        credit += auditShareNow();
        if (credit >= 1 - 1e-9) {
            credit -= 1;
            return true;
        }
        return false;
    }

    /**
     * The share of MACHINE verdicts audited now: the campaign's, or up to {@link #UNSURE_BOOST} times it (never less
     * than the campaign's own) while the
     * interval is still wide (its upper end more than half as much again as what was seen, plus 0.2 points), since
     * every point of doubt is a point of abandon budget pacing cannot use.
     */
    double auditShareNow() {
        double share = settings.auditShare();
        if (share == 0) {
            return 0;
        }
        boolean unsure = !measured() || falseMachineShare() > 1.5 * falseMachineShareSeen() + 0.002;
        return unsure ? Math.max(share, Math.min(MOST_AUDITED, share * UNSURE_BOOST)) : share;
    }

    /** A PERSON verdict (or "not sure", treated as a person) came in. */
    public void personVerdict() {
        personVerdicts++;
    }

    /** The agent marked an audited MACHINE verdict: a person was there, or a machine. */
    public void audited(boolean person) {
        audited++;
        if (person) {
            auditedPeople++;
        }
    }

    public long audits() {
        return audited;
    }

    public long auditedPeople() {
        return auditedPeople;
    }

    /** True once the audit, not the campaign's statement, gives the share. */
    public boolean measured() {
        return audited >= AUDITS_BEFORE_MEASURED;
    }

    /**
     * The share of people detection hangs up on, at the upper end of what the audit allows: people among MACHINE
     * verdicts (upper bound) times the verdicts, over the people answering (person verdicts plus those).
     */
    public double falseMachineShare() {
        if (!measured()) {
            return settings.toldShareKnown() ? settings.toldFalseMachineShare() : UNKNOWN_FALSE_MACHINE;
        }
        return falseMachineShareUpperBound();
    }

    /** Upper end of the Clopper-Pearson interval of the people among audited MACHINE verdicts (kept per audit count). */
    private double peopleAmongMachinesUpperBound() {
        if (boundAudits != audited) {
            boundAudits = audited;
            if (auditedPeople == 0) {
                // the exact bound with no person seen; Commons Math's F-distribution form needs one
                bound = 1 - Math.pow((1 - CONFIDENCE) / 2, 1.0 / audited);
            } else if (auditedPeople == audited) {
                bound = 1;
            } else {
                bound = new ClopperPearsonInterval().createInterval((int) Math.min(Integer.MAX_VALUE, audited),
                        (int) Math.min(Integer.MAX_VALUE, auditedPeople), CONFIDENCE).getUpperBound();
            }
        }
        return bound;
    }

    /**
     * The upper end of the false-machine share's interval by the audit alone (NaN before the first audit), whether or
     * not it is yet enough for pacing to use instead of the stated share; for the dashboard.
     */
    public double falseMachineShareUpperBound() {
        if (audited == 0) {
            return Double.NaN;
        }
        double hungUpOn = peopleAmongMachinesUpperBound() * machineVerdicts;
        double people = personVerdicts + hungUpOn;
        return people <= 0 ? 0 : hungUpOn / people;
    }

    /** The false-machine share with no margin: what the audit saw, for the dashboard. */
    public double falseMachineShareSeen() {
        if (audited == 0) {
            return Double.NaN;
        }
        double hungUpOn = (double) auditedPeople / audited * machineVerdicts;
        double people = personVerdicts + hungUpOn;
        return people <= 0 ? 0 : hungUpOn / people;
    }
}
