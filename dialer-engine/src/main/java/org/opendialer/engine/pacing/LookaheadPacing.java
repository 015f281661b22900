package org.opendialer.engine.pacing;

import org.apache.commons.math3.util.FastMath;
import org.opendialer.engine.agent.Agent;

/**
 * The statistical rule shared by predictive and oracle pacing. Over a look-ahead of about the time a
 * new dial takes to be answered, supply S is the number of agents that will be free (each busy one
 * with its own probability) and demand D the answers that will need one: calls already waiting, dials
 * still ringing that will be answered, and the new dials. Both are sums of independent Bernoulli
 * variables, so their difference is close to normal; the rule places the largest k with
 * E[D] + z·sd(D − S) &le; E[S], where z comes from {@link AbandonFeedback}. The share of dials that will be
 * answered is itself an estimate: while it rests on the campaign's expectation and a few dials, its
 * uncertainty (which moves every ringing dial together) widens sd(D), so the first burst of a day is sized
 * on what is known rather than on a guess. It never places fewer calls
 * than progressive would (one per free agent), and falls back to exactly that when the governor says
 * the abandon allowance is spent.
 */
abstract class LookaheadPacing implements PacingPolicy {

    private static final int MAX_CALLS_PER_TICK = 1000;

    private final double horizonFactor;
    private final boolean countsShareUncertainty;
    private final boolean progressiveFloor;
    private final AbandonFeedback feedback;
    private final boolean fallsBackAtCap;

    /**
     * @param countsShareUncertainty demand's variance includes how uncertain the estimated answer share is
     * @param progressiveFloor       never place fewer calls than free agents
     */
    LookaheadPacing(double horizonFactor, boolean countsShareUncertainty, boolean progressiveFloor, AbandonFeedback feedback) {
        this(horizonFactor, countsShareUncertainty, progressiveFloor, feedback, true);
    }

    /** @param fallsBackAtCap dial one call per free agent while the governor says the allowance is spent */
    LookaheadPacing(double horizonFactor, boolean countsShareUncertainty, boolean progressiveFloor, AbandonFeedback feedback,
                    boolean fallsBackAtCap) {
        this.horizonFactor = horizonFactor;
        this.countsShareUncertainty = countsShareUncertainty;
        this.progressiveFloor = progressiveFloor;
        this.feedback = feedback;
        this.fallsBackAtCap = fallsBackAtCap;
    }

    /** The chance the agent is free to take a call at {@code now + horizon}. */
    abstract double freeWithin(PacingSituation s, Agent agent, double horizonSeconds);

    double safetyMargin() {
        return feedback.z();
    }

    @Override
    public boolean forecastsItsAbandons() {
        return true;
    }

    @Override
    public int callsToPlace(PacingSituation s) {
        feedback.update(s);
        int progressive = Math.max(0, s.readyAgents() - s.dialsInFlight() - s.waitingCalls());
        if (fallsBackAtCap && s.governor().atCap()) {
            return progressive;
        }
        CallStatistics stats = s.statistics();
        long[] inFlight = s.dialsInFlightPlacedAt();
        stats.dialsUnresolved(s.nowMillis(), inFlight);
        double horizon = horizonFactor * stats.meanRoutableDelay();
        double supply = 0;
        double variance = 0;
        for (Agent agent : s.agents()) {
            double p = freeWithin(s, agent, horizon);
            supply += p;
            variance += p * (1 - p);
        }
        double ringing = 0;
        long now = s.nowMillis();
        for (long placedAt : inFlight) {
            double p = stats.routableGivenUnresolved((now - placedAt) / 1000.0);
            ringing += p;
            variance += p * (1 - p);
        }
        double demand = s.waitingCalls() + ringing;
        double q = stats.routableProbability();
        double shareUncertainty = countsShareUncertainty ? stats.routableShareRelativeVariance() : 0;
        double z = feedback.z();
        int k = 0;
        while (k < MAX_CALLS_PER_TICK) {
            int next = k + 1;
            double d = demand + next * q;
            double dialled = ringing + next * q;
            double sd = FastMath.sqrt(variance + next * q * (1 - q) + dialled * dialled * shareUncertainty);
            if (d + z * sd > supply) {
                break;
            }
            k = next;
        }
        return progressiveFloor ? Math.max(k, progressive) : k;
    }
}
