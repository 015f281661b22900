package org.opendialer.engine.pacing;

import org.opendialer.engine.agent.Agent;

/**
 * Predictive dialling: forecasts from the dialer's own statistics when each busy agent will be free
 * (from its phase and how long it has been in it) and how many ringing dials will be answered, and
 * places as many calls as keep the predicted abandon rate under the target. One configuration for
 * every campaign; it adapts online.
 */
public final class PredictivePolicy extends LookaheadPacing {

    /** Look-ahead as a share of the mean dial-to-answer time. */
    static final double HORIZON_FACTOR = 0.8;
    /** Safety margin in standard deviations at the start of a day, before feedback has data. */
    static final double INITIAL_Z = 1.2;
    /** Aim at this share of the abandon target: near the cap the trade-off is flat, a margin costs little. */
    static final double AIM_FRACTION = 0.967;
    /** Margin moved per answer seen, at most two answers' worth per ten-second update. */
    static final double GAIN = 0.004;
    static final double ANSWERS_PER_STEP = 2;

    public PredictivePolicy() {
        super(HORIZON_FACTOR, false, true, feedback());
    }

    static AbandonFeedback feedback() {
        return new AbandonFeedback(INITIAL_Z, AIM_FRACTION, GAIN, ANSWERS_PER_STEP, true);
    }

    @Override
    public String name() {
        return "predictive";
    }

    @Override
    double freeWithin(PacingSituation s, Agent agent, double horizonSeconds) {
        return s.statistics().freeWithin(agent, s.nowMillis(), horizonSeconds);
    }
}
