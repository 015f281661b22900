package org.opendialer.service.schedule;

import org.opendialer.engine.clock.DialerClock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Rolls up yesterday's (and today's so far) calls per campaign into {@code campaign_day_stats} and stores every lead's grade. */
@DisallowConcurrentExecution
public class NightlyRollupJob implements DialerJobs.DialerJob {

    @Autowired
    DailyRollup rollup;

    @Autowired
    DialerClock clock;

    @Autowired
    javax.sql.DataSource dataSource;

    @Override
    public void execute(JobExecutionContext context) {
        rollup.rollUp(clock.now());
        // and every active campaign's leads get their interest grade and customer status stored
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        for (java.util.Map<String, Object> c : jdbc.queryForList("SELECT id, report_zone FROM campaigns WHERE status IN "
                + "('RUNNING','PAUSED','SCHEDULED','COMPLETED')")) {
            try {
                org.opendialer.service.report.ChartController.grades(dataSource, jdbc, ((Number) c.get("id")).longValue(),
                        java.time.LocalDate.ofInstant(clock.now(), java.time.ZoneId.of((String) c.get("report_zone"))));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("nightly grading of campaign " + c.get("id") + " failed: " + e.getMessage(), e);
            }
        }
    }
}
