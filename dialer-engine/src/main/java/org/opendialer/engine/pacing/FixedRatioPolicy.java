package org.opendialer.engine.pacing;

/**
 * For comparison only: a fixed dial ratio chosen in hindsight, per scenario, as the highest that keeps the
 * pooled abandon rate at the target. Lines in use are kept at {@code ratio × (ready + on-call agents)} as in
 * power dialling, but with no guard at the abandon cap: the best a fixed ratio could do had it known the day.
 */
public final class FixedRatioPolicy implements PacingPolicy {

    private final PowerPolicy lines;
    private final double ratio;

    public FixedRatioPolicy(double ratio) {
        this.lines = new PowerPolicy(ratio);
        this.ratio = ratio;
    }

    @Override
    public boolean heldToAbandonCap() {
        return false;
    }

    @Override
    public String name() {
        return "fixed-ratio:" + PacingPolicies.parameter(ratio);
    }

    @Override
    public int callsToPlace(PacingSituation s) {
        return lines.callsToPlace(s);
    }
}
