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

    private final double aimFraction;
    private final double gain;
    private double z;
    private double movingRate;
    private long lastAnswered;
    private long lastAbandoned;
    private long nextUpdateMillis = Long.MIN_VALUE;

    AbandonFeedback(double initialZ, double aimFraction, double gain) {
        this.z = initialZ;
        this.aimFraction = aimFraction;
        this.gain = gain;
        this.movingRate = -1;
    }

    /** The abandon rate the dialer aims at: under the target, less what it cannot see. */
    double aim(PacingSettings settings) {
        return Math.max(0.002, settings.abandonTarget() * aimFraction - settings.hiddenAbandonRate());
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
        double aim = aim(s.settings());
        if (movingRate < 0) {
            movingRate = aim;
        }
        long answered = s.answered() - lastAnswered;
        long abandoned = s.abandoned() - lastAbandoned;
        lastAnswered = s.answered();
        lastAbandoned = s.abandoned();
        if (answered > 0 || abandoned > 0) {
            double w = Math.min(1, answered / MEMORY_ANSWERS);
            movingRate = movingRate * (1 - w) + abandoned / MEMORY_ANSWERS;
        }
        z += gain * (movingRate - aim) / aim;
        if (s.answered() >= 30) {
            double shiftRate = (double) s.abandoned() / s.answered();
            if (shiftRate > aim) {
                z += gain * 2 * (shiftRate - aim) / aim;
            }
        }
        z = Math.max(-1.5, Math.min(4, z));
    }
}
