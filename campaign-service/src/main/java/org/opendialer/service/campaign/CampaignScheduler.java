package org.opendialer.service.campaign;

import java.time.Instant;

/**
 * Arranges for a campaign to start and stop by itself: Quartz in the service. Scheduling again replaces
 * what was arranged before; a null time arranges nothing for that end.
 */
public interface CampaignScheduler {

    void scheduleCampaign(long campaignId, Instant start, Instant stop);
}
