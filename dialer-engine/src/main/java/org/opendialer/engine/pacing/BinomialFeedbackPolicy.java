package org.opendialer.engine.pacing;

import org.opendialer.engine.agent.Agent;

/**
 * For comparison only: the "simple binomial feedback predictor" of the pacing yardstick (BP_FEEDBACK), the
 * figure predictive pacing has to beat. The same look-ahead rule as {@link PredictivePolicy} with the
 * yardstick's settings: horizon 0.8 × the mean dial-to-answer time, safety margin starting at 1.0 and moved
 * by 0.004 every ten seconds towards a 2.9 % drop rate, and none of what predictive adds: no progressive
 * floor, no allowance for how uncertain the estimated answer share still is, no discount for agents who
 * pause after a call, no subtraction of the abandons AMD causes unseen, and a push from the shift's rate
 * whenever it is over 2.9 %.
 */
public final class BinomialFeedbackPolicy extends LookaheadPacing {

    public BinomialFeedbackPolicy() {
        super(0.8, false, false, new AbandonFeedback(1.0, 0.029 / 0.03, 0.004, 0, false, false));
    }

    @Override
    public boolean heldToAbandonCap() {
        return false; // a comparison port, measured as the original behaves
    }

    @Override
    public String name() {
        return "bp-feedback";
    }

    @Override
    double freeWithin(PacingSituation s, Agent agent, double horizonSeconds) {
        return s.statistics().freeWithin(agent, s.nowMillis(), horizonSeconds);
    }
}
