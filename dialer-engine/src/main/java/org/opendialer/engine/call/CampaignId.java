package org.opendialer.engine.call;

public record CampaignId(long value) implements java.io.Serializable {
    public CampaignId {
        if (value <= 0) {
            throw new IllegalArgumentException("campaign id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
