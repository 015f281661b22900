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
                "or the speech robot (speech: intent accuracy spoken, latencies, simultaneous conversations; run from the project root),",
                "or intents on text (intents: dev and held-out accuracy, tagging latency, embedding model load),",
                "or live dialing (dialer: 100 virtual agents on the simulated PBX in real time; clock-thread decisions and stalls)."})
public class BenchCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Parameters(index = "0", paramLabel = "import|reports|dialer|speech|intents")
    String what;

    @Option(names = "--rows", defaultValue = "1000000", description = "leads to generate (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--seconds", defaultValue = "90", description = "dialer: how long the campaign dials (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--dir", defaultValue = ".", description = "where generated and exported files go")
    Path dir;

    @Option(names = "--gbk", description = "import: write the generated file in GBK, with Chinese names on Chinese numbers")
    boolean gbk;

    @Option(names = "--campaign", description = "reports: rank an already generated campaign (by id) instead of generating one")
    Long existing;

    @Option(names = "--split", defaultValue = "heldout",
            description = "speech: the labelled answers to speak, 'dev' (tune on these; accuracy only) or 'heldout' (default: report only)")
    String split;

    @Spec
    CommandSpec spec;

    /** Highest heap in use, sampled every 100 ms while the benchmark runs. */
    private volatile long peakHeap;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if ("intents".equals(what)) {
            new org.opendialer.speech.IntentBench(out).run(false);
            return 0;
        }
        if ("speech".equals(what) && "dev".equals(split)) {
            new org.opendialer.speech.SpeechBench(out).runDev();
            return 0;
        }
        if ("dialer".equals(what)) {
            new DialerBench(out, database.settings()).run(java.time.Duration.ofSeconds(seconds));
            return 0;
        }
        if ("speech".equals(what)) {
            if (!"heldout".equals(split)) {
                throw new UserFacingException("--split is 'dev' (tune on it) or 'heldout' (measure only), not '" + split + "'");
            }
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
                default -> throw new UserFacingException("bench what? 'import', 'reports', 'dialer', 'speech' or 'intents', not '" + what + "'");
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
        Path file = dir.resolve("bench-leads" + (gbk ? "-gbk" : "") + ".csv");
        long[] mix = generateLeadFile(file);
        out.printf("generated %,d rows (%,d MB, %s): %,d US, %,d GB, %,d CN numbers, %,d invalid, %,d repeated%n", rows,
                Files.size(file) >> 20, gbk ? "GBK" : "UTF-8", mix[0], mix[1], mix[2], mix[3], mix[4]);
        long start = System.nanoTime();
        ImportSummary summary = new LeadImporter(dataSource).run(ImportRequest.leads(campaign, file, "US"), progress -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = summary.read() / seconds;
        out.printf("import: read %,d, imported %,d, duplicates %,d, rejected %,d in %.1f s = %,.0f rows/s; peak heap %d MB%n",
                summary.read(), summary.imported(), summary.duplicates(), summary.rejected(), seconds, rate, peakHeapMb());
        out.flush();
        loadDataComparison(out, dataSource, file, rate, campaign);
        Files.deleteIfExists(file);
    }

    /**
     * MariaDB's own bulk load of the same file, with no validation, twice: into a bare scratch table (no keys:
     * the loader's top speed), and into a scratch copy of {@code leads} (the same columns, keys and indexes the
     * import writes, numbers as they stand in the file): what the database itself needs to store these rows
     * as leads, against which the import's cost of validating them is measured.
     */
    private void loadDataComparison(PrintWriter out, HikariDataSource dataSource, Path file, double importRate, long campaign)
            throws Exception {
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            if (!product.contains("mysql") && !product.contains("mariadb")) {
                out.println("LOAD DATA comparison: only on MySQL/MariaDB");
                return;
            }
            String source = "LOAD DATA LOCAL INFILE '" + file.toAbsolutePath().toString().replace("'", "''") + "' INTO TABLE %s"
                    + " CHARACTER SET " + (gbk ? "gbk" : "utf8mb4")
                    + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n' IGNORE 1 LINES";
            st.execute("DROP TABLE IF EXISTS bench_load_scratch");
            st.execute("CREATE TABLE bench_load_scratch (phone VARCHAR(40), first_name VARCHAR(128), last_name VARCHAR(128), "
                    + "email VARCHAR(255), company VARCHAR(255), plan VARCHAR(64), customer_since VARCHAR(32))");
            double bare = load(st, String.format(source, "bench_load_scratch"));
            st.execute("DROP TABLE bench_load_scratch");
            out.printf("LOAD DATA LOCAL INFILE into a bare table: %,.0f rows/s; the import runs at %.1f %% of it%n",
                    bare, 100 * importRate / bare);
            st.execute("DROP TABLE IF EXISTS bench_load_leads");
            st.execute("CREATE TABLE bench_load_leads LIKE leads");
            double shaped = load(st, String.format(source, "bench_load_leads")
                    + " (phone_e164, first_name, last_name, email, company, @plan, @since)"
                    + " SET campaign_id = " + campaign + ", attributes = JSON_OBJECT('plan', @plan), customer_since = @since,"
                    + " status = 'NEW', created_at = NOW(3), updated_at = NOW(3)");
            st.execute("DROP TABLE bench_load_leads");
            out.printf("LOAD DATA LOCAL INFILE into a copy of the leads table: %,.0f rows/s; the import runs at %.1f %% of it (target 33 %%)%n",
                    shaped, 100 * importRate / shaped);
        } catch (java.sql.SQLException e) {
            out.println("LOAD DATA comparison not possible here: " + e.getMessage()
                    + " (add allowLoadLocalInfile=true to the JDBC URL; the server needs local_infile=ON)");
        }
    }

    /** Rows per second of one LOAD DATA statement (rows read from the file, stored or skipped as duplicates). */
    private double load(java.sql.Statement st, String sql) throws java.sql.SQLException {
        long start = System.nanoTime();
        st.executeLargeUpdate(sql);
        double seconds = (System.nanoTime() - start) / 1e9;
        return rows / seconds;
    }

    /**
     * A realistic lead file: US, GB and CN numbers written the way each country writes them, names, about 3 %
     * unusable numbers and 2 % rows repeating an earlier number; with --gbk the file is GBK and CN rows carry
     * Chinese names. Returns {US, GB, CN, invalid, repeated}.
     */
    private long[] generateLeadFile(Path file) throws java.io.IOException {
        SplittableRandom random = new SplittableRandom(7);
        String[] first = {"James", "Mary", "Robert", "Linda", "Carlos", "Aisha", "Oliver", "Emma", "Wei", "Priya"};
        String[] last = {"Smith", "Jones", "Garcia", "Brown", "Taylor", "Wilson", "Khan", "Murphy", "Lopez", "Evans"};
        String[] chinese = {"王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "赵婷", "黄强"};
        int[] areas = {212, 213, 305, 312, 404, 415, 503, 602, 617, 702, 713, 718, 303, 206, 214, 310, 512, 615, 704, 919};
        long[] mix = new long[5];
        String lastPhone = "+14155550100";
        try (BufferedWriter w = Files.newBufferedWriter(file, gbk ? java.nio.charset.Charset.forName("GBK") : StandardCharsets.UTF_8)) {
            w.write("phone,first_name,last_name,email,company,plan,customer_since\n");
            for (int i = 0; i < rows; i++) {
                double u = random.nextDouble();
                String phone;
                String name = first[random.nextInt(first.length)];
                if (u < 0.03) {
                    phone = random.nextBoolean() ? "n/a" : Integer.toString(random.nextInt(99_999));
                    mix[3]++;
                } else if (u < 0.05) {
                    phone = lastPhone;
                    mix[4]++;
                } else if (u < 0.15) {
                    phone = String.format("+44 20 %04d %04d", 7000 + (i / 10_000) % 3000, i % 10_000);
                    mix[1]++;
                } else if (u < 0.25) {
                    phone = String.format("+86 13%d %04d %04d", 5 + random.nextInt(5), (i / 10_000) % 10_000, i % 10_000);
                    name = gbk ? chinese[random.nextInt(chinese.length)] : name;
                    mix[2]++;
                } else {
                    phone = String.format("(%03d) %03d-%04d", areas[i % areas.length], 200 + (i / areas.length) % 700,
                            (i / (areas.length * 700)) % 10_000);
                    mix[0]++;
                }
                if (u >= 0.05 && random.nextInt(50) == 0) {
                    lastPhone = phone;
                }
                w.write(String.format("%s,%s,%s,p%d@example.com,Company %d,Plan %d,20%02d-0%d-1%d%n", phone, name,
                        last[random.nextInt(last.length)], i, i % 5000, i % 7, 10 + random.nextInt(15), 1 + random.nextInt(9),
                        random.nextInt(9)));
            }
        }
        return mix;
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
