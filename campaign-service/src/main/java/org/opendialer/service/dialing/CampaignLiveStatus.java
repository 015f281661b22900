package org.opendialer.service.dialing;

import java.util.List;
import org.opendialer.engine.dialer.DialerMetrics;
import org.opendialer.engine.dialer.NotDialingReason;
import org.opendialer.service.campaign.CampaignStatus;

/**
 * The one answer to "what is this campaign doing": its status, whether it is dialling, every reason it is
 * not (or dials less than it could), its live metrics (null when it is not running here), each agent logged
 * in to it, and what the AMD audit has measured over the campaign's days (null without machine detection).
 */
public record CampaignLiveStatus(long campaignId, String name, CampaignStatus status, String statusReason,
                                 boolean dialing, List<NotDialingReason> notDialingBecause, long callableLeads,
                                 DialerMetrics metrics, List<AgentNow> agents,
                                 AmdAuditView amdAudit) {
}
