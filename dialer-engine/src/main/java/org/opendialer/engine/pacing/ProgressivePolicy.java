package org.opendialer.engine.pacing;

/**
 * Progressive dialling: as many calls under way as there are free agents, times an optional factor
 * (1 to 3). With factor 1 no live answer can find every agent busy, so it never abandons.
 */
public final class ProgressivePolicy implements PacingPolicy {

    private final double factor;

    public ProgressivePolicy(double factor) {
        if (factor < 1 || factor > 3) {
            throw new IllegalArgumentException("progressive factor must be between 1 and 3, was " + factor);
        }
        this.factor = factor;
    }

    @Override
    public String name() {
        return factor == 1 ? "progressive" : "progressive:" + factor;
    }

    @Override
    public int callsToPlace(PacingSituation s) {
        return Math.max(0, (int) Math.round(factor * s.readyAgents()) - s.dialsInFlight() - s.waitingCalls());
    }
}
