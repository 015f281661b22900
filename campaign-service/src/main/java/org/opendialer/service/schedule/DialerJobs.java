package org.opendialer.service.schedule;

import java.time.Instant;
import java.util.Date;
import org.opendialer.service.callback.CallbackScheduler;
import org.opendialer.service.campaign.CampaignScheduler;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the dialer's jobs on the Quartz scheduler. Job and trigger keys are derived from what they act on
 * ({@code callback-17}, {@code campaign-3-start}), so scheduling again replaces rather than duplicates.
 * One-off triggers fire at once when they were missed while no instance was up.
 */
public class DialerJobs implements CallbackScheduler, CampaignScheduler {

    static final String CAMPAIGN_ID = "campaignId";
    static final String CALLBACK_ID = "callbackId";
    static final String ROLLUP = "nightly-rollup";

    private final Scheduler scheduler;
    private final TransactionTemplate transactions;

    /**
     * @param transactions Quartz's job store joins Spring transactions: a job and its triggers are written in
     *                     one, so the scheduler thread never sees a trigger without its details
     */
    public DialerJobs(Scheduler scheduler, TransactionTemplate transactions) {
        this.scheduler = scheduler;
        this.transactions = transactions;
    }

    @Override
    public void schedule(long callbackId, Instant due) {
        transactions.executeWithoutResult(tx -> once(JobBuilder.newJob(CallbackJob.class).withIdentity("callback-" + callbackId, "callbacks")
                .usingJobData(CALLBACK_ID, callbackId).build(), due));
    }

    @Override
    public void unschedule(long callbackId) {
        transactions.executeWithoutResult(tx -> delete(new JobKey("callback-" + callbackId, "callbacks")));
    }

    /** Schedules the campaign's start and stop at {@code start} / {@code stop} (either may be null: none). */
    @Override
    public void scheduleCampaign(long campaignId, Instant start, Instant stop) {
        transactions.executeWithoutResult(tx -> replaceCampaignJobs(campaignId, start, stop));
    }

    private void replaceCampaignJobs(long campaignId, Instant start, Instant stop) {
        delete(new JobKey("campaign-" + campaignId + "-start", "campaigns"));
        delete(new JobKey("campaign-" + campaignId + "-stop", "campaigns"));
        if (start != null) {
            once(JobBuilder.newJob(CampaignStartJob.class).withIdentity("campaign-" + campaignId + "-start", "campaigns")
                    .usingJobData(CAMPAIGN_ID, campaignId).build(), start);
        }
        if (stop != null) {
            once(JobBuilder.newJob(CampaignStopJob.class).withIdentity("campaign-" + campaignId + "-stop", "campaigns")
                    .usingJobData(CAMPAIGN_ID, campaignId).build(), stop);
        }
    }

    public boolean hasCampaignStart(long campaignId) {
        try {
            return scheduler.checkExists(new JobKey("campaign-" + campaignId + "-start", "campaigns"));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean hasCallback(long callbackId) {
        try {
            return scheduler.checkExists(new JobKey("callback-" + callbackId, "callbacks"));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The nightly roll-up at 00:15 server time, every night. */
    public void scheduleNightlyRollup() {
        try {
            JobDetail job = JobBuilder.newJob(NightlyRollupJob.class).withIdentity(ROLLUP, "maintenance").storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(ROLLUP, "maintenance").forJob(job)
                    .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(0, 15).withMisfireHandlingInstructionFireAndProceed())
                    .build();
            transactions.executeWithoutResult(tx -> {
                try {
                    if (!scheduler.checkExists(job.getKey())) {
                        scheduler.scheduleJob(job, trigger);
                    }
                } catch (SchedulerException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof org.quartz.ObjectAlreadyExistsException)) {
                throw new IllegalStateException("could not schedule the nightly roll-up: " + e.getMessage(), e);
            } // else another instance registered it at the same moment
        }
    }

    private void once(JobDetail job, Instant at) {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(job.getKey().getName(), job.getKey().getGroup()))
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule " + job.getKey() + ": " + e.getMessage(), e);
        }
    }

    private void delete(JobKey key) {
        try {
            scheduler.deleteJob(key);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not unschedule " + key + ": " + e.getMessage(), e);
        }
    }

    static long longData(org.quartz.JobExecutionContext context, String key) {
        return context.getMergedJobDataMap().getLong(key);
    }

    /** Marker for the dialer's jobs; Spring autowires their fields when Quartz creates them. */
    interface DialerJob extends Job {
    }
}
