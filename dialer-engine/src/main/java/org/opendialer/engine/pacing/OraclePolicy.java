package org.opendialer.engine.pacing;

import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentState;

/**
 * A yardstick, not a mode to dial with: predictive pacing given perfect knowledge of when each agent
 * will be free (rest of talk, wrap-up, pauses, breaks, logouts), but not of how calls will turn out.
 * It uses the same look-ahead rule and abandon feedback as {@link PredictivePolicy}, so the gap between
 * the two is what forecasting agents costs.
 */
public final class OraclePolicy extends LookaheadPacing {

    private final ReleaseForecast forecast;
    private final String name;
    private final boolean heldToCap;

    public OraclePolicy(ReleaseForecast forecast) {
        super(PredictivePolicy.HORIZON_FACTOR, true, true, PredictivePolicy.feedback());
        this.forecast = forecast;
        this.name = "oracle";
        this.heldToCap = true;
    }

    private OraclePolicy(ReleaseForecast forecast, double fixedMargin) {
        super(PredictivePolicy.HORIZON_FACTOR, true, true, AbandonFeedback.fixed(fixedMargin), false);
        this.forecast = forecast;
        this.name = "oracle-fixed:" + PacingPolicies.parameter(fixedMargin);
        this.heldToCap = false;
    }

    /**
     * The upper reference: exact release times, a safety margin fixed for the whole run (chosen in hindsight, per
     * scenario, as the smallest that keeps the pooled abandon rate at the target) and no fallback at the cap, so
     * nothing of predictive's own machinery flatters or holds it back.
     */
    public static OraclePolicy withFixedMargin(ReleaseForecast forecast, double margin) {
        return new OraclePolicy(forecast, margin);
    }

    @Override
    public boolean heldToAbandonCap() {
        return heldToCap;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    double freeWithin(PacingSituation s, Agent agent, double horizonSeconds) {
        if (agent.state() == AgentState.LOGGED_OUT) {
            return 0;
        }
        return forecast.freeAt(agent.id(), s.nowMillis() + (long) (horizonSeconds * 1000)) ? 1 : 0;
    }
}
