package org.opendialer.service.campaign;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a campaign is in its life. Completed and stopped campaigns can be reopened as drafts. */
public enum CampaignStatus {
    DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, STOPPED;

    private static final Map<CampaignStatus, Set<CampaignStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(SCHEDULED, RUNNING, STOPPED),
            SCHEDULED, EnumSet.of(DRAFT, RUNNING, COMPLETED, STOPPED),
            RUNNING, EnumSet.of(PAUSED, COMPLETED, STOPPED),
            PAUSED, EnumSet.of(RUNNING, SCHEDULED, COMPLETED, STOPPED),
            COMPLETED, EnumSet.of(DRAFT),
            STOPPED, EnumSet.of(DRAFT));

    public boolean canMoveTo(CampaignStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Statuses whose settings may be edited; a running campaign must be paused first. */
    public boolean editable() {
        return this != RUNNING;
    }
}
