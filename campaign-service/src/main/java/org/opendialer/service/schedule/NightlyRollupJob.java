package org.opendialer.service.schedule;

import org.opendialer.engine.clock.DialerClock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Rolls up yesterday's (and today's so far) calls per campaign into {@code campaign_day_stats}. */
@DisallowConcurrentExecution
public class NightlyRollupJob implements DialerJobs.DialerJob {

    @Autowired
    DailyRollup rollup;

    @Autowired
    DialerClock clock;

    @Override
    public void execute(JobExecutionContext context) {
        rollup.rollUp(clock.now());
    }
}
