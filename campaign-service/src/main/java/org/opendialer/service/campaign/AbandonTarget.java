package org.opendialer.service.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The highest share of live answers a campaign may abandon, 0.03 for 3 %. A share is always above 0 and at most 1;
 * a campaign may set at most {@link #CAMPAIGN_LIMIT} (the strictest rule the dialer is run under), which the
 * validator holds it to. Written as the bare number in JSON.
 */
public record AbandonTarget(@JsonValue double share) {

    /** The most a campaign may set: 5 %. */
    public static final double CAMPAIGN_LIMIT = 0.05;

    public AbandonTarget {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("abandon target " + share + ": a share above 0 and at most 1 (3 % is 0.03)");
        }
    }

    @JsonCreator
    public static AbandonTarget of(double share) {
        return new AbandonTarget(share);
    }

    /** Whether a campaign may dial under this target. */
    public boolean withinCampaignLimit() {
        return share <= CAMPAIGN_LIMIT;
    }
}
