package org.opendialer.service.leadimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows that cannot be stored as they stand are rejected one by one, with their reason; the import goes on. */
class RowRejectionsIT {

    @TempDir
    Path dir;

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    private static long campaign(JdbcTemplate jdbc) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO campaigns (name, default_region, created_at, updated_at) VALUES ('rows', 'US', ?, ?)", now, now);
        return jdbc.queryForObject("SELECT id FROM campaigns WHERE name = 'rows'", Long.class);
    }

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private LeadImporter importer(TestDatabase db) {
        return new LeadImporter(db.dataSource(), ImportFolders.under(dir.resolve("data")), List.of());
    }

    private String rejected(TestDatabase db, long job) throws Exception {
        StringWriter out = new StringWriter();
        importer(db).writeRejectedRows(job, out);
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRowWithBrokenQuotesIsRejectedWithItsTextAndReadingGoesOnAtTheNextLine(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            long campaign = campaign(new JdbcTemplate(db.dataSource()));
            Path list = csv("quotes.csv", "phone,first_name,city\n"
                    + "+14155550101,Ada,Paris\n"
                    + "+14155550102,\"Bob\" Jr,Rome\n"          // text after a closing quote
                    + "+14155550103,Cy,\"Oslo\n"                // a quote never closed
                    + "+14155550104,Di,\"New\nYork\"\n"         // a real cell over two lines
                    + "+14155550105,\"Ed \"\"the\"\" boss\",Bern\n");

            ImportSummary done = importer(db).run(ImportRequest.leads(campaign, list, "US"), s -> { });

            assertThat(done.status()).as(done.message()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(done.read()).isEqualTo(5);
            assertThat(done.imported()).isEqualTo(3);
            assertThat(done.rejected()).isEqualTo(2);
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            assertThat(jdbc.queryForList("SELECT first_name FROM leads ORDER BY phone_e164", String.class))
                    .containsExactly("Ada", "Di", "Ed \"the\" boss");
            assertThat(jdbc.queryForObject("SELECT attributes FROM leads WHERE first_name = 'Di'", String.class))
                    .isEqualTo("{\"city\":\"New\\nYork\"}");
            assertThat(rejected(db, done.importJobId()))
                    .contains("3,,BAD_QUOTES,cannot be read: a character after a closing quote")
                    .contains("\"'+14155550102,\"\"Bob\"\" Jr,Rome\"")
                    .contains("4,,BAD_QUOTES,cannot be read: a quote that is never closed")
                    .contains("\"'+14155550103,Cy,\"\"Oslo\"");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFileWhoseRowsAreMostlyUnreadableFailsWithOneClearMessage(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            long campaign = campaign(new JdbcTemplate(db.dataSource()));
            StringBuilder text = new StringBuilder("phone,name\n");
            for (int i = 0; i < 30; i++) {
                text.append("+1415555").append(String.format("%04d", i)).append(i % 3 == 0 ? ",Ann\n" : ",\"A\"nn\n");
            }
            ImportSummary done = importer(db).run(ImportRequest.leads(campaign, csv("broken.csv",
                    text.toString()), "US"), s -> { });
            assertThat(done.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(done.message()).startsWith("broken.csv: most rows cannot be read (13 of 20 rows have broken quotes, "
                    + "the first is row 3)");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aValueTooLongForItsColumnIsRejectedAsTooLongAndTheRestIsStoredWhole(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long campaign = campaign(jdbc);
            StringBuilder text = new StringBuilder("phone,first_name,company");
            for (int c = 0; c < 40; c++) {
                text.append(",note").append(c);
            }
            text.append('\n');
            String wide = "客".repeat(1900); // 5.7 KB of UTF-8 a cell: a few make more than TEXT's 64 KB
            text.append("+14155550101,").append("A".repeat(129)).append(",Acme").append(",x".repeat(40)).append('\n');
            text.append("+14155550102,Bob,").append("C".repeat(256)).append(",x".repeat(40)).append('\n');
            text.append("+14155550103,Cy,Acme,").append("n".repeat(2001)).append(",x".repeat(39)).append('\n');
            text.append("+14155550104,Di,Acme").append(("," + wide).repeat(40)).append('\n');
            text.append("+14155550105,Ed,Acme").append(("," + wide).repeat(30)).append(",x".repeat(10)).append('\n');

            ImportSummary done = importer(db).run(ImportRequest.leads(campaign,
                    csv("long.csv", text.toString()), "US"), s -> { });

            assertThat(done.status()).as(done.message()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(done.imported()).isEqualTo(1);
            assertThat(done.rejected()).isEqualTo(4);
            assertThat(rejected(db, done.importJobId()))
                    .contains("2,first_name,TOO_LONG,\"first_name has 129 characters, at most 128 fit\"")
                    .contains("3,company,TOO_LONG,\"company has 256 characters, at most 255 fit\"")
                    .contains("4,note0,TOO_LONG,\"note0 has 2001 characters, at most 2000 are kept in an attribute\"")
                    .contains("5,attributes,TOO_LONG,\"the custom attributes take 76")
                    .contains("characters, at most 60000 fit\"");
            String attributes = jdbc.queryForObject("SELECT attributes FROM leads WHERE first_name = 'Ed'", String.class);
            assertThat(new ObjectMapper().readTree(attributes).get("note29").asText()).isEqualTo(wide);
            assertThat(new ObjectMapper().readTree(attributes).get("note39").asText()).isEqualTo("x");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aValueTheBulkLoaderWouldCutShortFailsTheChunkInsteadOfBeingTruncated(String kind) throws Exception {
        Assumptions.assumeTrue(kind.equals("mysql"), "the bulk loader runs on MySQL/MariaDB");
        try (TestDatabase db = TestDatabase.create(kind).migrated(); Connection connection = db.dataSource().getConnection()) {
            long campaign = campaign(new JdbcTemplate(db.dataSource()));
            RowOutcome.LeadRow unchecked = new RowOutcome.LeadRow(2, "+14155550101", "MOBILE", "US", "America/Los_Angeles",
                    null, "N".repeat(300), null, null, null, "{}", null, null, null, null, "raw");
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> BulkLeadLoad.load(connection, campaign, null, 1, "2024-05-01 10:00:00.000", List.of(unchecked)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("would not store the 1 new leads of this chunk as given")
                    .hasMessageContaining("first_name");
            connection.rollback();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theRejectedRowsCsvNeutralisesFormulasButKeepsPhoneNumbersReadable(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            long campaign = campaign(jdbc);
            jdbc.update("INSERT INTO dnc_numbers (phone_e164, scope_campaign_id, source, created_at) VALUES ('+12125550100', 0, 'API', ?)",
                    Timestamp.from(Instant.now()));
            Path formulas = csv("formulas.csv", "first_name,phone\n\"=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\",12\n"
                    + "@SUM(A1),+12125550100\n");
            Path phones = csv("phones.csv", "phone\n+12125550100\n");

            ImportSummary withFormulas = importer(db).run(ImportRequest.leads(campaign, formulas, "US"), s -> { });
            ImportSummary withPhone = importer(db).run(ImportRequest.leads(campaign, phones, "US"), s -> { });

            assertThat(withFormulas.rejected()).isEqualTo(2);
            assertThat(rejected(db, withFormulas.importJobId()))
                    .contains(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\"),12\"\r\n")
                    .contains(",\"'@SUM(A1),+12125550100\"\r\n")
                    .doesNotContain(",=HYPERLINK").doesNotContain(",@SUM").doesNotContain("\"=").doesNotContain("\"@");
            assertThat(rejected(db, withPhone.importJobId()))
                    .contains("2,phone,DNC,number +12125550100 is on a do-not-call list,+12125550100\r\n");
        }
    }
}
