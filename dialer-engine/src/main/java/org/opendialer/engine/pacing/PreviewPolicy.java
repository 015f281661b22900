package org.opendialer.engine.pacing;

/** Preview dialling: the agent reads the lead, then dials it; the dialer places nothing by itself. */
public final class PreviewPolicy implements PacingPolicy {

    @Override
    public String name() {
        return "preview";
    }

    @Override
    public int callsToPlace(PacingSituation situation) {
        return 0;
    }

    @Override
    public boolean agentInitiated() {
        return true;
    }
}
