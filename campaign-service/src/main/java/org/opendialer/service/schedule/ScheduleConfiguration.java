package org.opendialer.service.schedule;

import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dialer's Quartz jobs: {@link DialerJobs} is both the callbacks' and the campaigns' scheduler. The
 * nightly roll-up is armed only where dialling runs ({@code serve}), not in the CLI's one-shot commands.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    @Bean
    public DialerJobs dialerJobs(Scheduler scheduler, TransactionTemplate tx) {
        return new DialerJobs(scheduler, tx);
    }

    @Bean
    public DailyRollup dailyRollup(JdbcTemplate jdbc) {
        return new DailyRollup(jdbc);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "dialer.dialing.enabled", havingValue = "true", matchIfMissing = true)
    static class NightlyRollup {

        @EventListener(ApplicationReadyEvent.class)
        public void arm(ApplicationReadyEvent event) {
            event.getApplicationContext().getBean(DialerJobs.class).scheduleNightlyRollup();
        }
    }
}
