package org.opendialer.service.leadimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendialer.testing.TestDatabase;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The files an import reads, makes and keeps: encodings it will not guess, scratch copies, stored uploads. */
class ImportFilesIT {

    @TempDir
    Path dir;

    private static long campaign(JdbcTemplate jdbc) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO campaigns (name, default_region, created_at, updated_at) VALUES ('files', 'US', ?, ?)", now, now);
        return jdbc.queryForObject("SELECT id FROM campaigns WHERE name = 'files'", Long.class);
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private Path xlsx(String name, String[][] rows) throws Exception {
        Path path = dir.resolve(name);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(path)) {
            var sheet = workbook.createSheet("leads");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
        }
        return path;
    }

    @Test
    void aWesternEuropeanFileIsRefusedUntilItsEncodingIsGivenAndThenReadRight() throws Exception {
        try (TestDatabase db = TestDatabase.h2().migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long campaign = campaign(jdbc);
            Path list = Files.write(dir.resolve("clients.csv"), ("phone,first_name,city\n+33145550101,François,Orléans\n"
                    + "+33145550102,Zoë,Besançon\n").getBytes(Charset.forName("windows-1252")));
            LeadImporter importer = new LeadImporter(db.dataSource(), ImportFolders.under(dir.resolve("data")), List.of());

            assertThatThrownBy(() -> importer.run(ImportRequest.leads(campaign, list, "FR"), s -> { }))
                    .isInstanceOf(ImportFailedException.class)
                    .hasMessage("clients.csv: cannot tell the text encoding: it is not UTF-8, and read as GBK it gives unlikely "
                            + "text (\"Fran鏾is\"); give the encoding with --encoding, e.g. --encoding windows-1252 for "
                            + "Western European text from Excel, or --encoding GBK");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_jobs", Long.class)).isZero();

            ImportSummary done = importer.run(ImportRequest.leads(campaign, list, "FR").withEncoding("windows-1252"), s -> { });
            assertThat(done.imported()).isEqualTo(2);
            assertThat(jdbc.queryForList("SELECT first_name FROM leads ORDER BY phone_e164", String.class))
                    .containsExactly("François", "Zoë");
            assertThat(jdbc.queryForObject("SELECT attributes FROM leads WHERE first_name = 'Zoë'", String.class))
                    .isEqualTo("{\"city\":\"Besançon\"}");
        }
    }

    @Test
    void anXlsxImportKeepsItsCsvCopyOwnerOnlyInTheDataFolderAndRemovesItWhenItEnds() throws Exception {
        try (TestDatabase db = TestDatabase.h2().migrated()) {
            long campaign = campaign(new JdbcTemplate(db.dataSource()));
            ImportFolders folders = ImportFolders.under(dir.resolve("data"));
            List<String> seenWhileRunning = new ArrayList<>();
            ChunkListener look = new ChunkListener() {
                @Override
                public void beforeChunk(ChunkContext context) {
                    try {
                        for (Path file : list(folders.scratch())) {
                            seenWhileRunning.add(file.getFileName() + " " + permissions(file));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            LeadImporter importer = new LeadImporter(db.dataSource(), folders, List.of(look));
            Path sheet = xlsx("leads.xlsx", new String[][] {{"Phone", "Name"}, {"+14155550101", "Ada"}});

            assertThat(importer.run(ImportRequest.leads(campaign, sheet, "US"), s -> { }).imported()).isEqualTo(1);

            assertThat(seenWhileRunning).singleElement().asString()
                    .startsWith("lead-import-" + ProcessHandle.current().pid() + "-").endsWith(".csv rw-------");
            assertThat(permissions(folders.scratch())).isEqualTo("rwx------");
            assertThat(list(folders.scratch())).as("removed after a completed import").isEmpty();

            Path noPhone = xlsx("names.xlsx", new String[][] {{"Name"}, {"Ada"}});
            assertThatThrownBy(() -> importer.run(ImportRequest.leads(campaign, noPhone, "US"), s -> { }))
                    .hasMessageStartingWith("names.xlsx: no phone column");
            assertThat(list(folders.scratch())).as("removed after a refused import").isEmpty();
        }
    }

    @Test
    void scratchFilesOfAKilledProcessAreRemovedAtTheNextStart() throws Exception {
        try (TestDatabase db = TestDatabase.h2().migrated()) {
            ImportFolders folders = ImportFolders.under(dir.resolve("data"));
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            Path stale = Files.writeString(folders.scratch().resolve("lead-import-" + gone.pid() + "-123.csv"), "phone\n");
            Path live = Files.writeString(folders.scratch().resolve("lead-import-" + ProcessHandle.current().pid() + "-456.csv"), "phone\n");

            new LeadImporter(db.dataSource(), folders, List.of());

            assertThat(stale).doesNotExist();
            assertThat(live).as("a file of a process still running").exists();
        }
    }

    @Test
    void uploadsAreStoredOwnerOnlyAndDeletedOnceTheirImportFinishedLongerAgoThanTheRetention() throws Exception {
        try (TestDatabase db = TestDatabase.h2().migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long campaign = campaign(jdbc);
            ImportFolders folders = ImportFolders.under(dir.resolve("data"));
            LeadImporter importer = new LeadImporter(db.dataSource(), folders, List.of());
            Path finished = folders.storeUpload("spring list.csv", new ByteArrayInputStream("phone\n+14155550101\n".getBytes(StandardCharsets.UTF_8)));
            Path running = folders.storeUpload("big.csv", new ByteArrayInputStream("phone\n+14155550102\n".getBytes(StandardCharsets.UTF_8)));
            Path refused = folders.storeUpload("junk.csv", new ByteArrayInputStream("name\nAda\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(finished.getFileName().toString()).endsWith("-spring_list.csv");
            assertThat(permissions(finished)).isEqualTo("rw-------");
            assertThat(permissions(folders.uploads())).isEqualTo("rwx------");
            importer.run(ImportRequest.leads(campaign, finished, "US"), s -> { });
            long stillRunning = importer.run(ImportRequest.leads(campaign, running, "US"), s -> { }).importJobId();
            jdbc.update("UPDATE import_jobs SET status = 'RUNNING', ended_at = NULL WHERE id = ?", stillRunning);
            UploadRetention retention = new UploadRetention(jdbc, folders.uploads(), Duration.ofDays(30));

            assertThat(retention.deleteExpired(Instant.now())).isZero();
            assertThat(retention.deleteExpired(Instant.now().plus(Duration.ofDays(29)))).isZero();
            assertThat(retention.deleteExpired(Instant.now().plus(Duration.ofDays(31)))).isEqualTo(2);

            assertThat(finished).doesNotExist();
            assertThat(refused).doesNotExist();
            assertThat(running).exists();
        }
    }
}
