package org.opendialer.service.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.opendialer.db.DatabaseSettings;
import org.opendialer.db.Databases;
import org.opendialer.db.SchemaMigrator;
import org.opendialer.engine.clock.ClockLoad;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.engine.dialer.DialerMetrics;
import org.opendialer.engine.simulation.Scenario;
import org.opendialer.engine.simulation.ScenarioFile;
import org.opendialer.engine.simulation.VirtualCallCentre;
import org.opendialer.service.user.NewUser;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignForm;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.campaign.CampaignStatus;
import org.opendialer.service.campaign.CampaignValidator;
import org.opendialer.service.dialing.CampaignRun;
import org.opendialer.service.lead.DoNotCallList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live dialing path under load, in real time: one campaign run exactly as {@code serve} runs it (its own clock
 * thread, hopper, attempt recorder, agent state log, on the configured database) on the simulated PBX, staffed by
 * the 100 virtual agents of {@code bench/bench-floor.yaml} with short calls. It reports how many decisions the
 * clock thread made per second, what one costs, and the longest time the thread was held by one task: while it is
 * held no call is placed, routed to an agent or abandoned on time.
 */
final class DialerBench {

    private final PrintWriter out;
    private final DatabaseSettings database;

    DialerBench(PrintWriter out, DatabaseSettings database) {
        this.out = out;
        this.database = database;
    }

    void run(Duration length) throws IOException, InterruptedException {
        if (System.getProperty("dialer.data.dir") == null) {
            // the run's attempt journal belongs to the benchmark's database only
            System.setProperty("dialer.data.dir", java.nio.file.Files.createTempDirectory("dialer-bench").toString());
        }
        Scenario floor = ScenarioFile.parse("bench-floor.yaml", DemoCommand.resourceText("/bench/bench-floor.yaml"));
        try (HikariDataSource dataSource = Databases.open(database, 10); SystemClock clock = new SystemClock("dialer-campaign-bench")) {
            new SchemaMigrator(dataSource).migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            CampaignRepository campaigns = new CampaignRepository(jdbc, clock);
            Campaign campaign = campaigns.create(CampaignValidator.apply(CampaignValidator.defaults(
                    "bench - dialer " + System.currentTimeMillis()), settings(floor), campaigns));
            DemoCommand.importSampleList(dataSource, campaign);
            long[] agents = agents(new UserDirectory(jdbc, clock), floor.agents());
            out.printf("dialer bench: %d agents, %d s in real time on the simulated PBX (%s), database %s%n", agents.length,
                    length.toSeconds(), floor.name(), dataSource.getJdbcUrl());
            out.flush();

            VirtualCallCentre centre = new VirtualCallCentre(floor, 4242, clock, campaign.pacing().trunkLines());
            CampaignRun run = new CampaignRun(campaign, clock, centre.pbx(), jdbc, tx, new DoNotCallList(jdbc), "bench");
            run.onClock(() -> {
                centre.attach(run.dialer());
                centre.staff(run.dialer(), agents);
                return null;
            });
            campaigns.moveTo(campaign.id(), CampaignStatus.RUNNING, null);
            ClockThreadSampler sampler = ClockThreadSampler.start("dialer-campaign-bench");
            ClockLoad before = clock.load();
            long started = System.nanoTime();
            run.start();
            Thread.sleep(length.toMillis());
            ClockLoad after = clock.load();
            sampler.stop();
            double seconds = (System.nanoTime() - started) / 1e9;
            DialerMetrics metrics = run.metrics();
            run.close();
            campaigns.moveTo(campaign.id(), CampaignStatus.PAUSED, "the benchmark is over");
            report(after, before, seconds, metrics);
            sampler.report(out);
        }
    }

    private void report(ClockLoad after, ClockLoad before, double seconds, DialerMetrics metrics) {
        long tasks = after.tasks() - before.tasks();
        long busy = after.busyNanos() - before.busyNanos();
        ClockLoad measured = new ClockLoad(tasks, busy, after.longestNanos());
        out.printf("  calls placed          %,8d  (%.1f a second)%n", metrics.callsPlaced(), metrics.callsPlaced() / seconds);
        out.printf("  decisions made        %,8d  (%.1f a second: ticks, call events, agent commands)%n", tasks, tasks / seconds);
        out.printf("  clock thread busy     %8.1f %%  (%.0f µs a decision)%n", 100.0 * busy / (seconds * 1e9),
                tasks == 0 ? 0 : busy / 1e3 / tasks);
        out.printf("  decisions a second    %,8.0f  (what the clock thread could make at that cost)%n", measured.capacityPerSecond());
        out.printf("  longest stall         %8.1f ms  (the longest one task held the clock thread)%n", after.longestNanos() / 1e6);
        out.printf("  agent occupancy       %8.1f %%%n", metrics.occupancy() * 100);
        out.flush();
    }

    private static CampaignForm settings(Scenario floor) {
        return new CampaignForm(null, "PREDICTIVE", null, null, "12125550100", "SIMULATED", "US", null, "00:00", "23:59",
                null, 5, 5, 900, 3600, 14400, 259200, 86400, 0.03, "30D", 2000, (int) floor.noAnswerTimeoutSeconds(), false,
                "HANGUP", false, "NEW_FIRST", 20, 0.30, 10, floor.trunkLines(), "UTC", null, null, null, null, null);
    }

    private static long[] agents(UserDirectory users, int count) {
        long[] ids = new long[count];
        String password = "bench-" + Long.toHexString(new java.security.SecureRandom().nextLong());
        for (int i = 0; i < count; i++) {
            String username = String.format("bench-agent-%03d", i + 1);
            ids[i] = users.byUsername(username).orElseGet(() -> users.create(new NewUser(username, username, password,
                    "AGENT", List.of(), null, "en"))).id();
        }
        return ids;
    }
}
