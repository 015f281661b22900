package org.opendialer.service.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opendialer.testing.TestDatabase;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/** Two dialer instances on one MySQL/MariaDB share Quartz's clustered job store: every job runs exactly once. */
class ClusteredJobsIT {

    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    public static class CountingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            String key = context.getJobDetail().getKey().getName();
            RUNS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static SchedulerFactoryBean instance(TestDatabase db, String id) throws Exception {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(db.dataSource());
        factory.setTransactionManager(new DataSourceTransactionManager(db.dataSource()));
        factory.setSchedulerName("dialer");
        factory.setBeanName(id);
        Properties properties = new Properties();
        properties.put("org.quartz.scheduler.instanceId", id);
        properties.put("org.quartz.jobStore.isClustered", "true");
        properties.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
        properties.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        properties.put("org.quartz.scheduler.idleWaitTime", "1000");
        properties.put("org.quartz.threadPool.threadCount", "4");
        factory.setQuartzProperties(properties);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @Test
    void everyJobRunsOnceAcrossTwoInstancesOnOneDatabase() throws Exception {
        assumeTrue(TestDatabase.mysqlConfigured(), "needs MySQL/MariaDB (DIALER_TEST_MYSQL_URL)");
        try (TestDatabase db = TestDatabase.mysql().migrated()) {
            SchedulerFactoryBean a = instance(db, "node-a");
            SchedulerFactoryBean b = instance(db, "node-b");
            try {
                Scheduler scheduler = a.getScheduler();
                Instant at = Instant.now().plusSeconds(2);
                int jobs = 40;
                for (int i = 0; i < jobs; i++) {
                    scheduler.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity("job-" + i, "test").build(),
                            TriggerBuilder.newTrigger().withIdentity("job-" + i, "test").startAt(Date.from(at.plusMillis(50L * i)))
                                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                                    .build());
                }
                await("every job runs").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> RUNS.size() >= jobs);
                // a duplicate run would show up within this window
                await("no job runs twice").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                        .until(() -> RUNS.values().stream().allMatch(n -> n.get() == 1));
                assertThat(RUNS).hasSize(jobs);
                assertThat(RUNS.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            } finally {
                a.destroy();
                b.destroy();
            }
        }
    }
}
