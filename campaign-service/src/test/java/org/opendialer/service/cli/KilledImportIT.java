package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendialer.db.DatabaseSettings;
import org.opendialer.db.Databases;
import org.opendialer.testing.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code dialer import} killed with SIGKILL part-way through a list: the job it leaves stored as running is
 * known for abandoned (its process is gone), and either {@code import --resume N} or the next start of
 * {@code serve} finishes it, without losing or repeating a row. The import runs in a child JVM, on MariaDB
 * when configured, else on an H2 file.
 */
class KilledImportIT {

    private static final int ROWS = 20_000; // 200 chunks of 100: the kill lands well inside the file
    private static final int BAD_PHONES = ROWS / 100;

    @TempDir
    Path dir;

    private TestDatabase mysql;
    private DatabaseSettings db;
    private Path list;

    @BeforeEach
    void database() throws Exception {
        mysql = TestDatabase.mysqlConfigured() ? TestDatabase.mysql() : null;
        db = mysql != null ? mysql.settings() : new DatabaseSettings("jdbc:h2:file:" + dir.resolve("dialer")
                + DatabaseSettings.H2_MYSQL_OPTIONS + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "");
        StringBuilder csv = new StringBuilder("phone,first_name\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(i % 100 == 99 ? "12345" : String.format("+1415%07d", 2_000_000 + i)).append(",Lead").append(i).append('\n');
        }
        list = Files.writeString(dir.resolve("big.csv"), csv, StandardCharsets.UTF_8);
    }

    @AfterEach
    void dropDatabase() {
        if (mysql != null) {
            mysql.close();
        }
    }

    private List<String> dbArgs() {
        List<String> args = new ArrayList<>(List.of("--db-url", db.url()));
        if (db.user() != null && !db.user().isEmpty()) {
            args.addAll(List.of("--db-user", db.user(), "--db-password", db.password() == null ? "" : db.password()));
        }
        return args;
    }

    /** Starts the import in a child JVM and SIGKILLs it once some chunks are stored; returns the job id. */
    private long importKilledPartWay(JdbcTemplate jdbc) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), "org.opendialer.service.cli.DialerCli", "import"));
        command.addAll(dbArgs());
        command.addAll(List.of("--campaign", "Killed", "--create-campaign", "--file", list.toString(), "--chunk-size", "100"));
        Path log = dir.resolve("import.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> {
                if (!child.isAlive()) {
                    throw new AssertionError("the import ended before it could be killed: " + Files.readString(log));
                }
                return tableExists(jdbc) && jdbc.queryForObject("SELECT COALESCE(MAX(rows_read), 0) FROM import_jobs", Long.class) >= 300;
            });
        } finally {
            child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean-up
        }
        Map<String, Object> job = jdbc.queryForMap("SELECT id, status, rows_read FROM import_jobs");
        assertThat(job.get("status")).as("left behind by the killed import").isEqualTo("RUNNING");
        assertThat(((Number) job.get("rows_read")).longValue()).as("killed part-way").isLessThan(ROWS);
        return ((Number) job.get("id")).longValue();
    }

    private static boolean tableExists(JdbcTemplate jdbc) {
        try {
            jdbc.queryForObject("SELECT COUNT(*) FROM import_jobs", Long.class);
            return true;
        } catch (RuntimeException notYetMigrated) {
            return false;
        }
    }

    private static void assertFinishedExactly(JdbcTemplate jdbc, long job) {
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM import_jobs WHERE id = ?", job);
        assertThat(row.get("status")).isEqualTo("COMPLETED");
        assertThat(((Number) row.get("rows_read")).longValue()).isEqualTo(ROWS);
        assertThat(((Number) row.get("rows_imported")).longValue()).isEqualTo(ROWS - BAD_PHONES);
        assertThat(((Number) row.get("rows_rejected")).longValue()).isEqualTo(BAD_PHONES);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads", Long.class)).isEqualTo(ROWS - BAD_PHONES);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT import_row) FROM leads", Long.class)).isEqualTo(ROWS - BAD_PHONES);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_row_errors WHERE import_job_id = ?", Long.class, job))
                .isEqualTo(BAD_PHONES);
    }

    @Test
    void aKilledImportIsResumedByItsIdWithoutTheFileAndFinishesWithExactCounts() throws Exception {
        try (var pool = Databases.open(db, 2)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            long job = importKilledPartWay(jdbc);

            List<String> resume = new ArrayList<>(List.of("import"));
            resume.addAll(dbArgs());
            resume.addAll(List.of("--resume", Long.toString(job)));
            CliRun run = CliRun.of(resume.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("import job " + job + " completed: read " + ROWS + ", imported " + (ROWS - BAD_PHONES)
                    + ", updated 0, duplicates 0, DNC 0, rejected " + BAD_PHONES);
            assertFinishedExactly(jdbc, job);
        }
    }

    @Test
    void serveResumesAnImportKilledBeforeItStarted() throws Exception {
        try (var pool = Databases.open(db, 2)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            long job = importKilledPartWay(jdbc);

            ServeCommand serve = new ServeCommand();
            serve.database.url = db.url();
            serve.database.user = db.user();
            serve.database.password = db.password();
            serve.springArgs = List.of("--server.port=0", "--dialer.data.dir=" + dir.resolve("data"));
            try (ConfigurableApplicationContext context = serve.start()) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                        jdbc.queryForObject("SELECT status FROM import_jobs WHERE id = ?", String.class, job).equals("COMPLETED"));
            }
            assertFinishedExactly(jdbc, job);
        }
    }
}
