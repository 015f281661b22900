package org.opendialer.engine.pacing;

/**
 * Power dialling: a fixed number of lines per agent. Lines in use (ringing, waiting and connected
 * calls) are kept at {@code ratio × (ready + on-call agents)}, as VICIdial's RATIO method does; agents
 * wrapping up are not counted.
 */
public final class PowerPolicy implements PacingPolicy {

    private final double ratio;

    public PowerPolicy(double ratio) {
        if (ratio < 1 || ratio > 10) {
            throw new IllegalArgumentException("power ratio must be between 1 and 10 lines per agent, was " + ratio);
        }
        this.ratio = ratio;
    }

    @Override
    public String name() {
        return "power:" + ratio;
    }

    @Override
    public int callsToPlace(PacingSituation s) {
        int lines = (int) Math.round(ratio * (s.readyAgents() + s.onCallAgents()));
        return Math.max(0, lines - s.callsInProgress());
    }
}
