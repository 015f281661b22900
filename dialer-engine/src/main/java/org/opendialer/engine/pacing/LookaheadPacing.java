package org.opendialer.engine.pacing;

import org.apache.commons.math3.util.FastMath;
import org.opendialer.engine.agent.Agent;

/**
 * The statistical rule shared by predictive and oracle pacing. Over a look-ahead of about the time a
 * new dial takes to be answered, supply S is the number of agents that will be free (each busy one
 * with its own probability) and demand D the answers that will need one: calls already waiting, dials
 * still ringing that will be answered, and the new dials. Both are sums of independent Bernoulli
 * variables, so their difference is close to normal; the rule places the largest k with
 * E[D] + z·sd(D − S) &le; E[S], where z comes from {@link AbandonFeedback}. It never places fewer calls
 * than progressive would (one per free agent), and falls back to exactly that when the governor says
 * the abandon allowance is spent.
 */
abstract class LookaheadPacing implements PacingPolicy {

    private static final int MAX_CALLS_PER_TICK = 1000;

    private final double horizonFactor;
    private final boolean deadlineInHorizon;
    private final boolean progressiveFloor;
    private final AbandonFeedback feedback;

    /**
     * @param deadlineInHorizon agents free within the connect deadline after an answer still take it in time
     * @param progressiveFloor  never place fewer calls than free agents
     */
    LookaheadPacing(double horizonFactor, boolean deadlineInHorizon, boolean progressiveFloor, AbandonFeedback feedback) {
        this.horizonFactor = horizonFactor;
        this.deadlineInHorizon = deadlineInHorizon;
        this.progressiveFloor = progressiveFloor;
        this.feedback = feedback;
    }

    /** The chance the agent is free to take a call at {@code now + horizon}. */
    abstract double freeWithin(PacingSituation s, Agent agent, double horizonSeconds);

    double safetyMargin() {
        return feedback.z();
    }

    @Override
    public int callsToPlace(PacingSituation s) {
        feedback.update(s);
        int progressive = Math.max(0, s.readyAgents() - s.dialsInFlight() - s.waitingCalls());
        if (s.governor().atCap()) {
            return progressive;
        }
        CallStatistics stats = s.statistics();
        double horizon = horizonFactor * stats.meanRoutableDelay() + (deadlineInHorizon ? s.settings().connectDeadlineSeconds() : 0);
        double supply = 0;
        double variance = 0;
        for (Agent agent : s.agents()) {
            double p = freeWithin(s, agent, horizon);
            supply += p;
            variance += p * (1 - p);
        }
        double demand = s.waitingCalls();
        long now = s.nowMillis();
        for (long placedAt : s.dialsInFlightPlacedAt()) {
            double p = stats.routableGivenUnresolved((now - placedAt) / 1000.0);
            demand += p;
            variance += p * (1 - p);
        }
        double q = stats.routableProbability();
        double z = feedback.z();
        int k = 0;
        while (k < MAX_CALLS_PER_TICK) {
            int next = k + 1;
            double d = demand + next * q;
            double sd = FastMath.sqrt(variance + next * q * (1 - q));
            if (d + z * sd > supply) {
                break;
            }
            k = next;
        }
        return progressiveFloor ? Math.max(k, progressive) : k;
    }
}
