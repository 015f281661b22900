package org.opendialer.engine.pacing;

import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentState;

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
    /** Margin moved per answer seen, at most one answer's worth per ten-second update. */
    static final double GAIN = 0.004;
    static final double ANSWERS_PER_STEP = 1;

    public PredictivePolicy() {
        super(HORIZON_FACTOR, true, true, feedback());
    }

    static AbandonFeedback feedback() {
        return new AbandonFeedback(INITIAL_Z, AIM_FRACTION, GAIN, ANSWERS_PER_STEP, true, true, true);
    }

    @Override
    public String name() {
        return "predictive";
    }

    /** A busy agent frees up in time only if the call ends in time and the agent then goes back to ready. */
    @Override
    double freeWithin(PacingSituation s, Agent agent, double horizonSeconds) {
        double p = s.statistics().freeWithin(agent, s.nowMillis(), horizonSeconds);
        if (agent.state() == AgentState.ON_CALL || agent.state() == AgentState.WRAP_UP) {
            p *= s.statistics().readyAfterWrapShare();
        }
        return p;
    }
}
