package org.opendialer.engine.pacing;

/**
 * A dialing mode's rule for how many new calls to place now. Asked once a second on the engine's clock
 * thread; the dialer then caps the answer by lines per agent, free trunk lines and callable leads.
 * Policies may keep state between ticks (controllers, samples); one instance serves one campaign.
 */
public interface PacingPolicy {

    /** The name used on the command line and in reports, e.g. {@code predictive} or {@code power:1.5}. */
    String name();

    /** New calls to place now; zero or more. */
    int callsToPlace(PacingSituation situation);

    /**
     * True (every dialling mode) when the dialer must hold this policy to one call per free agent while the
     * abandon rate is at its cap. Only the simulator's comparison ports of other products' controllers answer
     * false, so that they are measured as they behave elsewhere; no campaign can dial with them.
     */
    default boolean heldToAbandonCap() {
        return true;
    }

    /**
     * True when the policy sizes its calls on the abandons they risk and the allowance left (predictive);
     * the dialer then leaves its answer alone below the cap. Fixed ratios (power, progressive with a factor)
     * answer false, and the dialer lets them dial past the free agents only as far as the allowance reaches.
     */
    default boolean forecastsItsAbandons() {
        return false;
    }

    /** True when calls are placed by agents (preview), not by the dialer. */
    default boolean agentInitiated() {
        return false;
    }

    /** The lines-per-agent level this policy is dialling at, for dashboards. */
    default double dialLevel(PacingSituation situation) {
        int agents = situation.readyAgents() + situation.onCallAgents();
        return agents == 0 ? 0 : (double) situation.callsInProgress() / agents;
    }
}
