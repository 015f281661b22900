package org.opendialer.service.schedule;

import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.campaign.CampaignStatus;
import org.opendialer.service.dialing.CampaignRunner;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** A campaign's scheduled stop time has come: it is completed. */
@DisallowConcurrentExecution
public class CampaignStopJob implements DialerJobs.DialerJob {

    @Autowired
    CampaignRunner runner;

    @Autowired
    CampaignRepository campaigns;

    @Override
    public void execute(JobExecutionContext context) {
        long id = DialerJobs.longData(context, DialerJobs.CAMPAIGN_ID);
        CampaignStatus status = campaigns.get(id).status();
        if (status == CampaignStatus.RUNNING || status == CampaignStatus.PAUSED || status == CampaignStatus.SCHEDULED) {
            runner.stop(id, CampaignStatus.COMPLETED, "scheduled stop time reached");
        }
    }
}
