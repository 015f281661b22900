package org.opendialer.service.leadimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opendialer.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whatever rows a file holds (any text, quotes, delimiters, line breaks, long cells, empty fields, lines
 * with broken quoting among them) every row ends up stored as a lead exactly as written, or stored as a
 * rejection with its reason; the import itself never fails and never stores part of a row.
 */
class RandomRowsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static TestDatabase db;
    private static Path dir;
    private static LeadImporter importer;

    /** One line of the file: four cells written as CSV, or a line whose quoting is broken. */
    record Line(List<String> cells, String broken) {
    }

    @BeforeContainer
    static void database() throws Exception {
        db = TestDatabase.h2().migrated();
        dir = Files.createTempDirectory("random-rows");
        importer = new LeadImporter(db.dataSource(), ImportFolders.under(dir.resolve("data")), List.of());
    }

    @AfterContainer
    static void close() {
        db.close();
    }

    @Provide
    Arbitrary<List<Line>> files() {
        StringArbitrary text = Arbitraries.strings().withChars(",;|\t\"' \n\r=+-@\\").withCharRange('a', 'z')
                .withCharRange('À', 'ɏ').withCharRange('一', '龥').ofMaxLength(40);
        Arbitrary<String> cell = Arbitraries.frequencyOf(Tuple.of(6, text), Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, text.ofMinLength(1).map(s -> s.repeat(1 + 2100 / s.length()))));
        Arbitrary<String> phone = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 60).map(i -> String.format("+1415200%04d", i))),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, text));
        Arbitrary<Line> good = Combinators.combine(phone, cell, cell, cell).as((p, first, company, note) ->
                new Line(List.of(p, first, company, note), null));
        Arbitrary<Line> broken = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
                .map(s -> new Line(null, "+14152009999,\"" + s + "\" " + s + ",x,y"));
        return good.list().ofMinSize(1).ofMaxSize(30).flatMap(rows -> broken.list().ofMaxSize(rows.size() / 3).flatMap(bad ->
                Arbitraries.integers().between(0, rows.size()).list().ofSize(bad.size()).map(at -> {
                    List<Line> lines = new ArrayList<>(rows);
                    for (int i = 0; i < bad.size(); i++) {
                        lines.add(Math.min(at.get(i), lines.size()), bad.get(i));
                    }
                    return lines;
                })));
    }

    @Property(tries = 50)
    void everyRowIsStoredWholeOrRejectedWithAReason(@ForAll("files") List<Line> lines) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        String name = "random " + TRIES.incrementAndGet();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO campaigns (name, default_region, created_at, updated_at) VALUES (?, 'US', ?, ?)", name, now, now);
        long campaign = jdbc.queryForObject("SELECT id FROM campaigns WHERE name = ?", Long.class, name);
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            printer.printRecord("phone", "first_name", "company", "note");
            for (Line line : lines) {
                if (line.broken() != null) {
                    text.write(line.broken() + "\r\n");
                } else {
                    printer.printRecord(line.cells());
                }
            }
        }
        Path file = Files.writeString(dir.resolve("rows-" + TRIES.get() + ".csv"), text.toString(), StandardCharsets.UTF_8);

        ImportSummary done = importer.run(ImportRequest.leads(campaign, file, "US").withEncoding("UTF-8").withChunkSize(7), s -> { });

        assertThat(done.status()).as(done.message()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.read()).isEqualTo(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            long rowNo = i + 2;
            Line line = lines.get(i);
            List<Map<String, Object>> leads = jdbc.queryForList("SELECT first_name, company, attributes FROM leads "
                    + "WHERE import_job_id = ? AND import_row = ?", done.importJobId(), rowNo);
            List<String> reasons = jdbc.queryForList("SELECT reason_code FROM import_row_errors WHERE import_job_id = ? "
                    + "AND row_no = ?", String.class, done.importJobId(), rowNo);
            assertThat(leads.size() + reasons.size()).as("row %d stored once, as a lead or a rejection: %s", rowNo, line)
                    .isEqualTo(1);
            if (line.broken() != null) {
                assertThat(reasons).containsExactly("BAD_QUOTES");
            } else if (leads.size() == 1) {
                assertThat(leads.get(0).get("first_name")).isEqualTo(blankToNull(line.cells().get(1).strip()));
                assertThat(leads.get(0).get("company")).isEqualTo(blankToNull(line.cells().get(2).strip()));
                JsonNode attributes = JSON.readTree((String) leads.get(0).get("attributes"));
                assertThat(attributes.get("note").asText()).isEqualTo(line.cells().get(3));
            } else {
                assertThat(reasons.get(0)).isIn("BAD_PHONE", "MISSING_PHONE", "DUPLICATE", "TOO_LONG");
            }
        }
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
