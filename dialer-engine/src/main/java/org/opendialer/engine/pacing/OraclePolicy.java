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

    public OraclePolicy(ReleaseForecast forecast) {
        super(PredictivePolicy.HORIZON_FACTOR, true, true, PredictivePolicy.feedback());
        this.forecast = forecast;
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    double freeWithin(PacingSituation s, Agent agent, double horizonSeconds) {
        if (agent.state() == AgentState.LOGGED_OUT) {
            return 0;
        }
        return forecast.freeAt(agent.id(), s.nowMillis() + (long) (horizonSeconds * 1000)) ? 1 : 0;
    }
}
