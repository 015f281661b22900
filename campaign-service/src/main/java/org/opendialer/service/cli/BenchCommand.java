package org.opendialer.service.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.opendialer.db.Databases;
import org.opendialer.db.SchemaMigrator;
import org.opendialer.reports.ReportFormat;
import org.opendialer.reports.ReportRequest;
import org.opendialer.reports.ReportType;
import org.opendialer.reports.Reports;
import org.opendialer.service.leadimport.ImportRequest;
import org.opendialer.service.leadimport.ImportSummary;
import org.opendialer.service.leadimport.LeadImporter;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Measures the bulk paths on a real database: importing a generated lead list ({@code import}), and ranking
 * and exporting a campaign's leads with their attempts to CSV and XLSX ({@code reports}). Run it with the
 * heap the target names (e.g. {@code java -Xmx512m -jar dialer.jar bench reports}); it prints rows per
 * second, wall time and the peak heap used.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark lead import (import) or ranking and export (reports) on generated data in the configured database,",
                "or the speech robot (speech: intent accuracy, latencies, simultaneous conversations; run from the project root)."})
public class BenchCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Parameters(index = "0", paramLabel = "import|reports|speech")
    String what;

    @Option(names = "--rows", defaultValue = "1000000", description = "leads to generate (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--dir", defaultValue = ".", description = "where generated and exported files go")
    Path dir;

    @Option(names = "--campaign", description = "reports: rank an already generated campaign (by id) instead of generating one")
    Long existing;

    @Spec
    CommandSpec spec;

    /** Highest heap in use, sampled every 100 ms while the benchmark runs. */
    private volatile long peakHeap;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if ("speech".equals(what)) {
            Path scripts = dir.resolve("scripts");
            new org.opendialer.speech.SpeechBench(out).run(org.opendialer.speech.script.TalkTrackLoader.load(
                    scripts.resolve("broadband-offer.yaml")), org.opendialer.speech.robot.Persona.load(
                    scripts.resolve("personas/eager.yaml")), 6);
            return 0;
        }
        Thread sampler = new Thread(() -> {
            var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        try (HikariDataSource dataSource = Databases.open(database.settings(), 10)) {
            new SchemaMigrator(dataSource).migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long campaign = existing != null ? existing : campaign(jdbc, "bench-" + what + "-" + System.currentTimeMillis());
            switch (what) {
                case "import" -> benchImport(out, dataSource, campaign);
                case "reports" -> benchReports(out, dataSource, campaign);
                default -> throw new UserFacingException("bench what? 'import' or 'reports', not '" + what + "'");
            }
        }
        out.flush();
        return 0;
    }

    private static long campaign(JdbcTemplate jdbc, String name) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO campaigns (name, report_zone, created_at, updated_at) VALUES (?, 'UTC', ?, ?)", name, now, now);
        return jdbc.queryForObject("SELECT id FROM campaigns WHERE name = ?", Long.class, name);
    }

    private void benchImport(PrintWriter out, HikariDataSource dataSource, long campaign) throws Exception {
        Path file = dir.resolve("bench-leads.csv");
        SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("phone,first_name,last_name,email,company,plan,customer_since\n");
            // valid, distinct US numbers: real area codes, exchanges 200-899, the line number from the row
            int[] areas = {212, 213, 305, 312, 404, 415, 503, 602, 617, 702, 713, 718, 303, 206, 214, 310, 512, 615, 704, 919};
            for (int i = 0; i < rows; i++) {
                w.write(String.format("+1%03d%03d%04d,First%d,Last%d,p%d@example.com,Company %d,Plan %d,20%02d-0%d-1%d%n",
                        areas[i % areas.length], 200 + (i / areas.length) % 700, (i / (areas.length * 700)) % 10_000, i, i, i,
                        i % 5000, i % 7, 10 + random.nextInt(15), 1 + random.nextInt(9), random.nextInt(9)));
            }
        }
        out.printf("generated %,d rows (%,d MB) in %s%n", rows, Files.size(file) >> 20, file);
        long start = System.nanoTime();
        ImportSummary summary = new LeadImporter(dataSource).run(ImportRequest.leads(campaign, file, "US"), progress -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("import: read %,d, imported %,d, duplicates %,d, rejected %,d in %.1f s = %,.0f rows/s; peak heap %d MB%n",
                summary.read(), summary.imported(), summary.duplicates(), summary.rejected(), seconds, summary.read() / seconds, peakHeapMb());
        Files.deleteIfExists(file);
    }

    private void benchReports(PrintWriter out, HikariDataSource dataSource, long campaign) throws Exception {
        if (existing == null) {
            long start = System.nanoTime();
            long attempts = generate(dataSource, campaign);
            out.printf("generated %,d leads with %,d attempts in %.1f s%n", rows, attempts, (System.nanoTime() - start) / 1e9);
        }
        out.flush();
        for (ReportFormat format : new ReportFormat[] {ReportFormat.CSV, ReportFormat.XLSX}) {
            Path file = dir.resolve("bench-leads." + format.extension());
            long t = System.nanoTime();
            try (OutputStream stream = Files.newOutputStream(file)) {
                new Reports(dataSource).write(new ReportRequest(campaign, "bench", ReportType.LEADS, format,
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC,
                        LocalDate.of(2026, 12, 1), false, null), stream);
            }
            out.printf("rank + export %,d leads to %s: %.1f s (%,d MB file); peak heap %d MB%n", leadCount(dataSource, campaign), format,
                    (System.nanoTime() - t) / 1e9, Files.size(file) >> 20, peakHeapMb());
            Files.deleteIfExists(file);
            out.flush();
        }
    }

    private static long leadCount(HikariDataSource dataSource, long campaign) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM leads WHERE campaign_id = ?", Long.class, campaign);
    }

    /** Leads with one to three attempts each, some talked to and dispositioned, inserted in large batches. */
    private long generate(HikariDataSource dataSource, long campaign) throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        Timestamp created = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
        long attempts = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long firstId;
            try (PreparedStatement leads = c.prepareStatement("INSERT INTO leads (campaign_id, phone_e164, first_name, last_name, "
                    + "company, customer_since, churned_at, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'RETRY', ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    leads.setLong(1, campaign);
                    leads.setString(2, String.format("+1%010d", 2_000_000_000L + i));
                    leads.setString(3, "First" + i);
                    leads.setString(4, "Last" + i);
                    leads.setString(5, i % 3 == 0 ? "Company " + (i % 1000) : null);
                    boolean customer = i % 4 == 0;
                    leads.setDate(6, customer ? java.sql.Date.valueOf("2021-03-01") : null);
                    leads.setDate(7, customer && i % 8 == 0 ? java.sql.Date.valueOf("2026-05-01") : null);
                    leads.setTimestamp(8, created);
                    leads.setTimestamp(9, created);
                    leads.addBatch();
                    if (i % 5000 == 4999) {
                        leads.executeBatch();
                        c.commit();
                    }
                }
                leads.executeBatch();
                c.commit();
            }
            firstId = new JdbcTemplate(dataSource).queryForObject("SELECT MIN(id) FROM leads WHERE campaign_id = ?", Long.class, campaign);
            String[] results = {"NO_ANSWER", "NO_ANSWER", "BUSY", "MACHINE", "HUMAN", "HUMAN"};
            String[] codes = {"INTERESTED", "NOT_INTERESTED", "CALLBACK", "SALE", null, null};
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO call_attempts (campaign_id, lead_id, phone_e164, attempt_no, "
                    + "dialing_mode, state, result, talk_s, disposition_code, placed_at, ended_at) "
                    + "VALUES (?, ?, ?, ?, 'PREDICTIVE', 'ENDED', ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    int n = 1 + random.nextInt(3);
                    for (int a = 1; a <= n; a++) {
                        String result = results[random.nextInt(results.length)];
                        boolean talked = result.equals("HUMAN");
                        Timestamp at = Timestamp.from(Instant.parse("2026-11-02T14:00:00Z").plusSeconds(random.nextInt(2_000_000)));
                        insert.setLong(1, campaign);
                        insert.setLong(2, firstId + i);
                        insert.setString(3, String.format("+1%010d", 2_000_000_000L + i));
                        insert.setInt(4, a);
                        insert.setString(5, result);
                        insert.setObject(6, talked ? 10 + random.nextInt(400) : null);
                        insert.setString(7, talked ? codes[random.nextInt(codes.length)] : null);
                        insert.setTimestamp(8, at);
                        insert.setTimestamp(9, at);
                        insert.addBatch();
                        attempts++;
                    }
                    if (i % 2000 == 1999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        return attempts;
    }

    private long peakHeapMb() {
        return peakHeap >> 20;
    }
}
