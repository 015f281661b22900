package org.opendialer.service.leadimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.testing.TestDatabase;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.jdbc.core.JdbcTemplate;

class LeadImporterIT {

    @TempDir
    Path dir;

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    private static long campaign(JdbcTemplate jdbc, String name) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO campaigns (name, default_region, created_at, updated_at) VALUES (?, 'CN', ?, ?)", name, now, now);
        return jdbc.queryForObject("SELECT id FROM campaigns WHERE name = ?", Long.class, name);
    }

    private Path file(String name, String text, Charset charset, boolean bom) throws Exception {
        Path path = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(path)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(text.getBytes(charset));
        }
        return path;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void importsAGbkChineseListAccountingForEveryRow(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long campaign = campaign(jdbc, "宽带挽回");
            jdbc.update("INSERT INTO dnc_numbers (phone_e164, scope_campaign_id, source, created_at) VALUES ('+8613800000003', 0, 'API', ?)",
                    Timestamp.from(Instant.now()));
            Path list = file("客户.csv", """
                    姓名,手机,城市,流失日期
                    张伟,13800000001,北京,2024-05-01
                    李娜,+86 138 0000 0002,上海,
                    王芳,13800000003,广州,
                    刘洋,12345,深圳,
                    陈静,,杭州,
                    张伟二,13800000001,北京,
                    赵磊,13800000004,成都
                    """, Charset.forName("GBK"), false);

            ImportSummary summary = new LeadImporter(db.dataSource()).run(ImportRequest.leads(campaign, list, "CN"), s -> { });

            assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(summary.read()).isEqualTo(7);
            assertThat(summary.imported()).isEqualTo(2);
            assertThat(summary.dnc()).isEqualTo(1);
            assertThat(summary.duplicates()).isEqualTo(1);
            assertThat(summary.rejected()).isEqualTo(5);
            Map<String, Object> lead = jdbc.queryForMap("SELECT * FROM leads WHERE phone_e164 = '+8613800000001'");
            assertThat(lead.get("first_name")).isEqualTo("张伟");
            assertThat(lead.get("time_zone")).isEqualTo("Asia/Shanghai");
            assertThat(lead.get("phone_type")).isEqualTo("MOBILE");
            assertThat((String) lead.get("attributes")).contains("\"城市\":\"北京\"");
            assertThat(lead.get("churned_at").toString()).isEqualTo("2024-05-01");
            StringWriter rejected = new StringWriter();
            new LeadImporter(db.dataSource()).writeRejectedRows(summary.importJobId(), rejected);
            assertThat(rejected.toString())
                    .contains("4,phone,DNC,number +8613800000003 is on a do-not-call list")
                    .contains("5,phone,BAD_PHONE")
                    .contains("6,phone,MISSING_PHONE")
                    .contains("7,phone,DUPLICATE,same number as row 2 of this file")
                    .contains("8,,COLUMN_COUNT,\"has 3 columns, the header has 4\"");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void awkwardTextIsStoredExactlyAsItStandsInTheFile(String kind) throws Exception {
        // on MariaDB new leads go through the server's bulk loader, whose escapes must not touch the data
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long campaign = campaign(jdbc, "awkward");
            try (java.sql.Connection connection = db.dataSource().getConnection()) {
                assertThat(BulkLeadLoad.available(connection)).isEqualTo(!kind.equals("h2"));
            }
            Path list = file("awkward.csv", "phone,first_name,last_name,company,notes\n"
                    + "+14155550101,\"Tab\there\",\"Back\\slash \\N\",\"Line\none\",\"quote \"\"x\"\"\"\n"
                    + "+14155550102,张,伟,,\\\n", StandardCharsets.UTF_8, false);
            ImportSummary done = new LeadImporter(db.dataSource()).run(ImportRequest.leads(campaign, list, "US"), s -> { });
            assertThat(done.imported()).isEqualTo(2);
            var first = jdbc.queryForMap("SELECT first_name, last_name, company, attributes FROM leads WHERE phone_e164 = '+14155550101'");
            assertThat(first.get("first_name")).isEqualTo("Tab\there");
            assertThat(first.get("last_name")).isEqualTo("Back\\slash \\N");
            assertThat(first.get("company")).isEqualTo("Line\none");
            assertThat(first.get("attributes").toString()).contains("quote \\\"x\\\"");
            var second = jdbc.queryForMap("SELECT first_name, last_name, company, email FROM leads WHERE phone_e164 = '+14155550102'");
            assertThat(second.get("first_name")).isEqualTo("张");
            assertThat(second.get("company")).isNull();
            assertThat(second.get("email")).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCrashedImportResumesWithoutLosingOrRepeatingARow(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long campaign = campaign(jdbc, "restart");
            StringBuilder csv = new StringBuilder("phone,first_name\n");
            for (int i = 0; i < 250; i++) {
                csv.append("+1415555").append(String.format("%04d", i)).append(",Lead").append(i).append('\n');
            }
            csv.append("+14155550007,Again\n"); // a duplicate of row 9 in the last chunk
            Path list = file("big.csv", csv.toString(), StandardCharsets.UTF_8, true);
            AtomicInteger chunks = new AtomicInteger();
            ChunkListener crashOnce = new ChunkListener() {
                @Override
                public void beforeChunk(ChunkContext context) {
                    if (chunks.incrementAndGet() == 3) {
                        throw new IllegalStateException("power cut");
                    }
                }
            };
            LeadImporter crashing = new LeadImporter(db.dataSource(), List.of(crashOnce));
            ImportSummary first = crashing.run(ImportRequest.leads(campaign, list, "US").withChunkSize(50), s -> { });
            assertThat(first.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(first.message()).contains("power cut");
            assertThat(first.imported()).isEqualTo(100);

            ImportSummary resumed = crashing.resume(first.importJobId(), s -> { });
            assertThat(resumed.status()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(resumed.read()).isEqualTo(251);
            assertThat(resumed.imported()).isEqualTo(250);
            assertThat(resumed.duplicates()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE campaign_id = ?", Long.class, campaign)).isEqualTo(250);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT import_row) FROM leads", Long.class)).isEqualTo(250);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void readsXlsxAndUpdatesLeadsAlreadyInTheCampaignWhenAsked(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long campaign = campaign(jdbc, "uk");
            Path csv = file("first.tsv", "Phone\tName\n020 7946 0001\tAda Lovelace\n", StandardCharsets.UTF_8, false);
            LeadImporter importer = new LeadImporter(db.dataSource());
            assertThat(importer.run(ImportRequest.leads(campaign, csv, "GB"), s -> { }).imported()).isEqualTo(1);

            Path xlsx = dir.resolve("update.xlsx");
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
                var sheet = workbook.createSheet("leads");
                String[][] rows = {{"Mobile", "First Name", "Plan"}, {"+44 20 7946 0001", "Ada", "gold"},
                        {"07911 123456", "Grace", "silver"}};
                for (int r = 0; r < rows.length; r++) {
                    var row = sheet.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
                workbook.write(out);
            }
            ImportSummary skip = importer.run(ImportRequest.leads(campaign, xlsx, "GB"), s -> { });
            assertThat(skip.imported()).as(skip.toString()).isEqualTo(1);
            assertThat(skip.duplicates()).isEqualTo(1);
            ImportSummary update = importer.run(ImportRequest.leads(campaign, xlsx, "GB").withDedupe(ImportRequest.Dedupe.UPDATE), s -> { });
            assertThat(update.updated()).isEqualTo(2); // both numbers are leads by now
            assertThat(jdbc.queryForObject("SELECT first_name FROM leads WHERE phone_e164 = '+442079460001'", String.class))
                    .isEqualTo("Ada");
            assertThat(jdbc.queryForObject("SELECT attributes FROM leads WHERE phone_e164 = '+447911123456'", String.class))
                    .contains("\"Plan\":\"silver\"");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFileThatIsNotALeadListFailsWithOneMessageAndStoresNothing(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long campaign = campaign(jdbc, "junk");
            LeadImporter importer = new LeadImporter(db.dataSource());
            Path binary = dir.resolve("photo.jpg");
            Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 1, 2, 3, 0, 0});
            assertThatThrownBy(() -> importer.run(ImportRequest.leads(campaign, binary, "US"), s -> { }))
                    .hasMessage("photo.jpg: this is a binary file, not a lead list (CSV, TSV or XLSX)");
            Path empty = file("empty.csv", "", StandardCharsets.UTF_8, false);
            assertThatThrownBy(() -> importer.run(ImportRequest.leads(campaign, empty, "US"), s -> { }))
                    .hasMessage("empty.csv: the file is empty, not a lead list");
            Path noPhone = file("names.csv", "name,city\nAda,London\n", StandardCharsets.UTF_8, false);
            assertThatThrownBy(() -> importer.run(ImportRequest.leads(campaign, noPhone, "US"), s -> { }))
                    .hasMessageStartingWith("names.csv: no phone column in the header [name, city]");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_jobs", Long.class)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDncListIsImportedTheSameWayAndScrubsLaterImports(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long campaign = campaign(jdbc, "scrub");
            LeadImporter importer = new LeadImporter(db.dataSource());
            Path dnc = file("dnc.csv", "phone\n+14155550100\n+14155550100\n", StandardCharsets.UTF_8, false);
            ImportSummary dncImport = importer.run(ImportRequest.leads(campaign, dnc, "US").asDncList(), s -> { });
            assertThat(dncImport.imported()).isEqualTo(1);
            assertThat(dncImport.duplicates()).isEqualTo(1);
            Path leads = file("leads.csv", "phone\n+14155550100\n+14155550101\n", StandardCharsets.UTF_8, false);
            ImportSummary leadImport = importer.run(ImportRequest.leads(campaign, leads, "US"), s -> { });
            assertThat(leadImport.imported()).isEqualTo(1);
            assertThat(leadImport.dnc()).isEqualTo(1);
        }
    }
}
