package org.opendialer.engine.pacing;

/**
 * Closes the loop on abandons: the look-ahead's safety margin {@code z} (in standard deviations) is
 * nudged every ten seconds towards the margin that makes the observed abandon rate meet the aim, a
 * little under the legal target. Two signals: a moving average over about the last 250 answers reacts
 * to the list or the team changing, and the shift's running rate pushes harder when the day as a whole
 * is over the aim.
 */
final class AbandonFeedback {

    private static final long PERIOD_MILLIS = 10_000;
    private static final double MEMORY_ANSWERS = 250;
    private static final double LARGE_FLOOR_ANSWERS = 10;

    private final double aimFraction;
    private final double gain;
    private final double answersPerStep;
    private final boolean knowsHiddenAbandons;
    private final boolean shiftPushNeedsEvidence;
    private final boolean sizesAimToTeam;
    /** Standard deviations of a day's abandon rate the aim keeps under the target (a quarter of days over at most). */
    static final double DAY_SPREAD_Z = 0.7;
    /** A team's day, for counting the answers it takes: eight hours. */
    static final double DAY_SECONDS = 8 * 3600;
    /** Answers a day past which the feedback keeps a day near the aim by itself (a few times its memory). */
    static final double STEERED_DAY_ANSWERS = 1000;
    /** The team-sized aim is at most this far under the usual one (a floor still logging in is not a tiny team). */
    static final double MOST_AIMED_UNDER_FOR_TEAM = 0.005;
    private double z;
    private double movingRate;
    /** The largest team staffed so far today: the day's answers come from the team it has, not from the first to log in. */
    private int teamSeen;
    private long dayStartMillis = Long.MIN_VALUE;
    private static final long TEAM_KNOWN_AFTER_MILLIS = 30 * 60_000;
    private long lastAnswered;
    private long lastAbandoned;
    private long nextUpdateMillis = Long.MIN_VALUE;

    /**
     * @param gain                how far z moves per update at a relative error of 1
     * @param answersPerStep      0: every update moves z by the full gain; n: by gain × (answers since the last
     *                            update, at most n), so a small team, whose few answers say little, adapts more
     *                            slowly than a large floor, whose many answers say a lot
     * @param knowsHiddenAbandons    aims lower by the abandons the dialer cannot see (AMD hanging up on people)
     * @param shiftPushNeedsEvidence the shift's rate pushes only when it is over the aim by more than chance
     *                               explains; otherwise whenever it is over the aim (after 30 answers)
     */
    AbandonFeedback(double initialZ, double aimFraction, double gain, double answersPerStep, boolean knowsHiddenAbandons,
                    boolean shiftPushNeedsEvidence) {
        this(initialZ, aimFraction, gain, answersPerStep, knowsHiddenAbandons, shiftPushNeedsEvidence, false);
    }

    /**
     * @param sizesAimToTeam aims lower for a small team: a day's rate spreads around the pooled one by about
     *                       sqrt(target / answers a day) (less where a day holds more answers than the feedback
     *                       needs to steer it), so a team with few answers a day aims {@link #DAY_SPREAD_Z} of those
     *                       spreads under the target, and about a quarter of days at most land over it (the
     *                       24-hour window is judged day by day)
     */
    AbandonFeedback(double initialZ, double aimFraction, double gain, double answersPerStep, boolean knowsHiddenAbandons,
                    boolean shiftPushNeedsEvidence, boolean sizesAimToTeam) {
        this.sizesAimToTeam = sizesAimToTeam;
        this.answersPerStep = answersPerStep;
        this.knowsHiddenAbandons = knowsHiddenAbandons;
        this.shiftPushNeedsEvidence = shiftPushNeedsEvidence;
        this.z = initialZ;
        this.aimFraction = aimFraction;
        this.gain = gain;
        this.movingRate = -1;
    }

    /** A margin that never moves: for references tuned in hindsight. */
    static AbandonFeedback fixed(double z) {
        return new AbandonFeedback(z, 1, 0, 0, false, false);
    }

    /** The abandon rate the dialer aims at: under the target, less what it cannot see. */
    double aim(PacingSettings settings) {
        return aim(settings, settings.hiddenAbandonRate());
    }

    double aim(PacingSettings settings, double hiddenAbandonRate) {
        return Math.max(0.002, settings.abandonTarget() * aimFraction - (knowsHiddenAbandons ? hiddenAbandonRate : 0));
    }

    double z() {
        return z;
    }

    void update(PacingSituation s) {
        long now = s.nowMillis();
        if (nextUpdateMillis == Long.MIN_VALUE) {
            nextUpdateMillis = now + PERIOD_MILLIS;
            return;
        }
        if (now < nextUpdateMillis) {
            return;
        }
        nextUpdateMillis = now + PERIOD_MILLIS;
        double aim = aim(s.settings(), s.hiddenAbandonRate());
        if (movingRate < 0) {
            movingRate = aim;
        }
        teamSeen = Math.max(teamSeen, s.staffedAgents());
        if (dayStartMillis == Long.MIN_VALUE) {
            dayStartMillis = now;
        }
        // the day's team is known once the logins of the first half hour are in; a floor still logging in is not small
        if (sizesAimToTeam && teamSeen > 0 && now - dayStartMillis >= TEAM_KNOWN_AFTER_MILLIS) {
            PacingSettings p = s.settings();
            double answersPerDay = teamSeen * DAY_SECONDS / (p.expectedTalkSeconds() + p.expectedWrapSeconds());
            double target = p.abandonTarget();
            // a day holding more answers than STEERED_DAY_ANSWERS is steered back within the day: its spread shrinks
            double spread = Math.sqrt(target * (1 - target) / answersPerDay) * Math.min(1, STEERED_DAY_ANSWERS / answersPerDay);
            double teamAim = target - DAY_SPREAD_Z * spread - (knowsHiddenAbandons ? s.hiddenAbandonRate() : 0);
            aim = Math.max(Math.max(0.002, aim - MOST_AIMED_UNDER_FOR_TEAM), Math.min(aim, teamAim));
        }
        long answered = s.answered() - lastAnswered;
        long abandoned = s.abandoned() - lastAbandoned;
        lastAnswered = s.answered();
        lastAbandoned = s.abandoned();
        if (answered > 0 || abandoned > 0) {
            double w = Math.min(1, answered / MEMORY_ANSWERS);
            movingRate = movingRate * (1 - w) + abandoned / MEMORY_ANSWERS;
        }
        // A large floor's ten seconds hold dozens of answers, as much evidence as minutes on a small team's:
        // past LARGE_FLOOR_ANSWERS a step moves in proportion, so a thousand agents settle within the hour.
        double step = answersPerStep <= 0 ? gain
                : gain * Math.max(Math.min(answered, answersPerStep), answered / LARGE_FLOOR_ANSWERS);
        z += step * (movingRate - aim) / aim;
        // Over the aim by more than chance explains means more than one standard deviation of the abandons
        // expected at the aim: early in the day a handful of drops says little, and pushing on it would hold
        // the margin high for hours.
        double expected = aim * s.answered();
        boolean overAim = shiftPushNeedsEvidence ? s.abandoned() > expected + Math.sqrt(expected)
                : s.answered() >= 30 && s.abandoned() > expected;
        if (overAim) {
            double shiftRate = (double) s.abandoned() / s.answered();
            z += step * 2 * (shiftRate - aim) / aim;
        }
        z = Math.max(-3, Math.min(4, z));
    }
}
