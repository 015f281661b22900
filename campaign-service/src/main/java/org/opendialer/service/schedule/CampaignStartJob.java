package org.opendialer.service.schedule;

import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.campaign.CampaignStatus;
import org.opendialer.service.dialing.CampaignRunner;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** A scheduled campaign's start time has come (or was missed while no instance ran, and its stop time has not passed). */
@DisallowConcurrentExecution
public class CampaignStartJob implements DialerJobs.DialerJob {

    @Autowired
    CampaignRunner runner;

    @Autowired
    CampaignRepository campaigns;

    @Override
    public void execute(JobExecutionContext context) {
        long id = DialerJobs.longData(context, DialerJobs.CAMPAIGN_ID);
        Campaign campaign = campaigns.get(id);
        if (campaign.status() != CampaignStatus.SCHEDULED) {
            return; // unscheduled, stopped or started by hand meanwhile
        }
        if (campaign.schedule().stop() != null && !campaign.schedule().stop().isAfter(context.getFireTime().toInstant())) {
            campaigns.setStatus(id, CampaignStatus.COMPLETED, "its scheduled start and stop both passed while the dialer was down");
            return;
        }
        runner.start(id);
    }
}
