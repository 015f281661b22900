package org.opendialer.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every report on a small campaign whose numbers were worked out by hand (see the comments). */
class ReportsIT {

    private static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");
    private TestDatabase db;
    private JdbcTemplate jdbc;
    private long campaign;
    private long ann;
    private long bob;

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    private void open(String kind) {
        db = TestDatabase.create(kind).migrated();
        jdbc = new JdbcTemplate(db.dataSource());
        Timestamp now = ts("00:00");
        jdbc.update("INSERT INTO campaigns (name, report_zone, created_at, updated_at) VALUES ('hand-checked', 'UTC', ?, ?)", now, now);
        campaign = jdbc.queryForObject("SELECT id FROM campaigns", Long.class);
        ann = user("ann");
        bob = user("bob");
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static Timestamp ts(String hhmm) {
        return Timestamp.from(Instant.parse("2026-12-01T" + hhmm + ":00Z"));
    }

    private long user(String name) {
        jdbc.update("INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES (?, ?, 'x', 'AGENT', ?)",
                name, name, ts("00:00"));
        return jdbc.queryForObject("SELECT id FROM users WHERE username = ?", Long.class, name);
    }

    private long lead(String first, String phone, String status, String since, String purchase, String churned) {
        jdbc.update("INSERT INTO leads (campaign_id, phone_e164, first_name, status, customer_since, last_purchase, churned_at, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", campaign, phone, first, status,
                since == null ? null : java.sql.Date.valueOf(since), purchase == null ? null : java.sql.Date.valueOf(purchase),
                churned == null ? null : java.sql.Date.valueOf(churned), ts("00:00"), ts("00:00"));
        return jdbc.queryForObject("SELECT id FROM leads WHERE phone_e164 = ?", Long.class, phone);
    }

    private long attempt(long lead, int no, String at, String result, Long agent, Integer talk, boolean abandoned, String amd,
                         String disposition) {
        jdbc.update("INSERT INTO call_attempts (campaign_id, lead_id, phone_e164, attempt_no, dialing_mode, state, result, agent_id, "
                        + "talk_s, abandoned, amd_status, disposition_code, placed_at, ended_at) "
                        + "VALUES (?, ?, (SELECT phone_e164 FROM leads WHERE id = ?), ?, 'PREDICTIVE', 'ENDED', ?, ?, ?, ?, ?, ?, ?, ?)",
                campaign, lead, lead, no, result, agent, talk, abandoned, amd, disposition, ts(at), ts(at));
        return jdbc.queryForObject("SELECT MAX(id) FROM call_attempts", Long.class);
    }

    private void turn(long attempt, long lead, int no, String node, String intent, int points, boolean question, String said) {
        jdbc.update("INSERT INTO conversation_turns (attempt_id, lead_id, turn_no, node_id, transcript, intent, points, is_question, "
                + "started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", attempt, lead, no, node, said, intent, points, question, ts("10:00"));
    }

    private void state(long agent, String state, String reason, String from, String to) {
        jdbc.update("INSERT INTO agent_state_log (agent_id, campaign_id, state, reason, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?)",
                agent, campaign, state, reason, ts(from), to == null ? null : ts(to));
    }

    /** Five leads, seven attempts, two agents: the day the numbers below were worked out for. */
    private void handCheckedDay() {
        long ada = lead("Ada", "+14155550001", "DONE", null, null, null);
        long formula = lead("=HYPERLINK(\"http://evil\")", "+14155550002", "CALLBACK", null, null, null);
        long cy = lead("Cy", "+14155550003", "RETRY", "2020-12-01", null, "2026-06-01");
        long dee = lead("Dee", "+14155550004", "RETRY", "2021-01-01", "2026-01-15", null);
        long eve = lead("Eve", "+14155550005", "DONE", null, null, null);
        long a1 = attempt(ada, 1, "10:00", "HUMAN", ann, 240, false, "HUMAN", "INTERESTED");
        turn(a1, ada, 1, "greeting", "INTERESTED", 3, false, "yes");
        turn(a1, ada, 2, "offer", "QUESTION", 2, true, "how much?");
        attempt(formula, 1, "10:05", "BUSY", null, null, false, null, null);
        long a2 = attempt(formula, 2, "11:00", "HUMAN", ann, 60, false, null, "CALLBACK");
        jdbc.update("INSERT INTO callbacks (campaign_id, lead_id, agent_id, due_at, source, status, attempt_id, created_at) "
                + "VALUES (?, ?, ?, ?, 'AGENT', 'DONE', ?, ?)", campaign, formula, ann, ts("15:00"), a2, ts("11:01"));
        attempt(cy, 1, "10:10", "HUMAN", null, null, true, null, null);
        attempt(dee, 1, "10:15", "NO_ANSWER", null, null, false, null, null);
        attempt(dee, 2, "10:20", "MACHINE", null, null, false, "MACHINE", null);
        long a5 = attempt(eve, 1, "10:30", "HUMAN", bob, 300, false, null, "NOT_INTERESTED");
        turn(a5, eve, 1, "greeting", "NOT_INTERESTED", 0, false, "no thanks");
        state(ann, "READY", null, "09:00", "10:00");
        state(ann, "ON_CALL", null, "10:00", "10:04");
        state(ann, "WRAP_UP", null, "10:04", "10:05");
        state(ann, "READY", null, "10:05", "11:00");
        state(ann, "ON_CALL", null, "11:00", "11:01");
        state(ann, "WRAP_UP", null, "11:01", "11:02");
        state(ann, "PAUSED", "lunch", "11:02", "12:02");
        state(ann, "LOGGED_OUT", null, "12:02", null);
        state(bob, "READY", null, "10:00", "10:30");
        state(bob, "ON_CALL", null, "10:30", "10:35");
        state(bob, "WRAP_UP", null, "10:35", "10:36");
        state(bob, "LOGGED_OUT", null, "10:36", null);
    }

    private byte[] report(ReportType type, ReportFormat format, boolean bom) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Reports(db.dataSource()).write(new ReportRequest(campaign, "hand-checked", type, format, DAY,
                DAY.plusSeconds(86_400), ZoneOffset.UTC, LocalDate.of(2026, 12, 1), bom, null), out);
        return out.toByteArray();
    }

    private static List<String> cols(CSVRecord record, String... names) {
        return java.util.Arrays.stream(names).map(record::get).toList();
    }

    private List<CSVRecord> csv(ReportType type) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(new StringReader(new String(report(type, ReportFormat.CSV, false), StandardCharsets.UTF_8))).getRecords();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void leadsAreRankedByInterestWithGradeAndReasonAndFormulasNeutralised(String kind) throws Exception {
        open(kind);
        handCheckedDay();
        List<CSVRecord> rows = csv(ReportType.LEADS);

        assertThat(rows).extracting(r -> r.get("first_name"))
                .containsExactly("Ada", "'=HYPERLINK(\"http://evil\")", "Eve", "Cy", "Dee");
        assertThat(rows).extracting(r -> r.get("phone")).as("an E.164 number is a phone, not a formula")
                .containsExactly("+14155550001", "+14155550002", "+14155550005", "+14155550003", "+14155550004");
        // Ada: interested 40 + 5 points x 2 + talk 20 (240 s >= 180 s) + 1 question 5 + 2/2 prompts 10 = 85
        assertThat(cols(rows.get(0), "rank", "grade", "score")).containsExactly("1", "A", "85");
        assertThat(rows.get(0).get("why")).isEqualTo("said interested, 5 talk-track points, talked 4m00s, asked 1 question, answered 2/2 prompts");
        // the callback lead: 20 + talk 20 x 60/180 = 26.7
        assertThat(cols(rows.get(1), "grade", "score", "attempts")).containsExactly("B", "27", "2");
        // Eve talked 5 minutes but said not interested: capped at 20
        assertThat(cols(rows.get(2), "grade", "score")).containsExactly("C", "20");
        assertThat(cols(rows.get(3), "grade", "why", "customer_status")).containsExactly("D", "never reached (1 attempt)", "LOST");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theWinBackListRanksLostCustomersThenThoseAtRisk(String kind) throws Exception {
        open(kind);
        handCheckedDay();
        List<CSVRecord> rows = csv(ReportType.LOST_CUSTOMERS);
        assertThat(rows).hasSize(2);
        assertThat(cols(rows.get(0), "first_name", "lost_status", "since", "why", "recovery_potential")).containsExactly("Cy", "LOST", "2026-06-01", "churned on 2026-06-01", "60");
        assertThat(cols(rows.get(1), "first_name", "lost_status", "why")).containsExactly("Dee", "AT_RISK", "no purchase for 320 days");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void leadReportsListOnlyTheGradesAndCustomerStatusesAskedFor(String kind) throws Exception {
        open(kind);
        handCheckedDay();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportRequest all = new ReportRequest(campaign, "hand-checked", ReportType.LEADS, ReportFormat.CSV, DAY,
                DAY.plusSeconds(86_400), ZoneOffset.UTC, LocalDate.of(2026, 12, 1), false, null);
        new Reports(db.dataSource()).write(all.withLeads(LeadFilter.parse("a,c", null)), out);
        List<CSVRecord> graded = CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
        assertThat(graded).extracting(r -> r.get("first_name") + " " + r.get("grade") + " " + r.get("rank"))
                .containsExactly("Ada A 1", "Eve C 2");
        out.reset();
        new Reports(db.dataSource()).write(all.withLeads(LeadFilter.parse(null, "lost")), out);
        assertThat(CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords())
                .extracting(r -> r.get("first_name")).containsExactly("Cy");
        assertThatThrownBy(() -> LeadFilter.parse("E", null)).hasMessageContaining("grade").hasMessageContaining("'E'");
        assertThatThrownBy(() -> LeadFilter.parse(null, "gone")).hasMessageStartingWith("status:");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void campaignStatisticsMatchTheHandCount(String kind) throws Exception {
        open(kind);
        handCheckedDay();
        List<CSVRecord> rows = csv(ReportType.CAMPAIGN);
        CSVRecord total = rows.get(0);
        assertThat(total.get("period_type")).isEqualTo("TOTAL");
        // 7 attempts: 4 human, 1 machine, 1 busy, 1 no answer; 5 connects
        assertThat(List.of(total.get("attempts"), total.get("connects"), total.get("connect_rate"), total.get("human"),
                total.get("machine"), total.get("busy"), total.get("no_answer"), total.get("failed")))
                .containsExactly("7", "5", "0.7143", "4", "1", "1", "1", "0");
        // 1 of 4 live answers abandoned; AMD gave a verdict on 2 of 5 answers; talk 240 + 60 + 300 over 3 conversations
        assertThat(List.of(total.get("abandoned"), total.get("abandon_rate"), total.get("amd_share"), total.get("avg_talk_s"),
                total.get("talk_h"))).containsExactly("1", "0.25", "0.4", "200.0", "0.17");
        // agents logged in 10,920 s + 2,160 s = 3.63 h; 3 wrap-ups of 60 s; 8,700 s ready over 3 calls
        assertThat(List.of(total.get("agent_hours"), total.get("avg_wrap_s"), total.get("avg_agent_wait_s"),
                total.get("calls_per_agent_hour"), total.get("talk_h_per_agent_hour")))
                .containsExactly("3.63", "60.0", "2900.0", "0.83", "0.046");
        assertThat(total.get("abandon_rate_today")).isEqualTo("0.25");
        assertThat(rows).filteredOn(r -> r.get("period_type").equals("HOUR"))
                .extracting(r -> r.get("period") + "=" + r.get("attempts")).containsExactly("10:00=6", "11:00=1");
        assertThat(rows).filteredOn(r -> r.get("period_type").equals("MONTH")).extracting(r -> r.get("period")).containsExactly("2026-12");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void agentStatisticsAndTheScriptFunnelMatchTheHandCount(String kind) throws Exception {
        open(kind);
        handCheckedDay();
        List<CSVRecord> agents = csv(ReportType.AGENTS);
        CSVRecord a = agents.get(0);
        assertThat(List.of(a.get("agent"), a.get("calls"), a.get("paused_h"), a.get("pause_by_reason_min"), a.get("logged_in_h"),
                a.get("occupancy"), a.get("dispositions"), a.get("sales"), a.get("callbacks_kept")))
                .containsExactly("ann", "2", "1.0", "lunch=60", "3.03", "0.0385", "CALLBACK=1; INTERESTED=1", "0", "1");
        assertThat(List.of(agents.get(1).get("agent"), agents.get(1).get("occupancy"))).containsExactly("bob", "0.1667");

        List<CSVRecord> funnel = csv(ReportType.FUNNEL);
        assertThat(funnel).extracting(r -> r.get("node") + " " + r.get("reached") + " " + r.get("ended_here") + " " + r.get("answers"))
                .containsExactly("greeting 2 1 INTERESTED=1; NOT_INTERESTED=1", "offer 1 1 QUESTION=1");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void xlsxHtmlAndBomCsvOpenAndHoldTheSameRanking(String kind) throws Exception {
        open(kind);
        handCheckedDay();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report(ReportType.LEADS, ReportFormat.XLSX, false)))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("grade");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(85.0);
            // a text cell is never run; the quote prefix keeps it text when someone edits it
            assertThat(sheet.getRow(2).getCell(6).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(sheet.getRow(2).getCell(6).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).as("phones as they are").isEqualTo("+14155550001");
            assertThat(sheet.getRow(1).getCell(5).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
        }
        String html = new String(report(ReportType.LEADS, ReportFormat.HTML, false), StandardCharsets.UTF_8);
        assertThat(html).contains("<svg").contains("Leads by grade").contains("<td>Ada</td>").contains("&quot;http://evil&quot;");
        for (int minute = 0; minute < 3; minute++) {
            jdbc.update("INSERT INTO pacing_log (campaign_id, at_time, dial_level, lines_in_use, agents_ready, agents_busy, "
                    + "abandon_rate, abandon_today) VALUES (?, ?, ?, 4, 1, 1, 0.02, 0.02)", campaign, ts("10:0" + minute), 1.5 + minute);
        }
        String campaignHtml = new String(report(ReportType.CAMPAIGN, ReportFormat.HTML, false), StandardCharsets.UTF_8);
        assertThat(campaignHtml).contains("Dial level and abandon rate over time");
        assertThat(campaignHtml).contains("Abandon rate by hour of day").contains("Connect rate by hour of day");
        byte[] bom = report(ReportType.LEADS, ReportFormat.CSV, true);
        assertThat(new byte[] {bom[0], bom[1], bom[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void gradesAreStoredOnTheLeadsAndChartsRenderAsPngAndSvg(String kind) throws Exception {
        open(kind);
        handCheckedDay();
        var stream = new org.opendialer.reports.ranking.LeadStream(db.dataSource(),
                new org.opendialer.reports.ranking.InterestScorer(org.opendialer.reports.ranking.GradingWeights.DEFAULT),
                org.opendialer.reports.lost.LostCustomerRules.standard(), LocalDate.of(2026, 12, 1));
        assertThat(new org.opendialer.reports.ranking.LeadGrades(db.dataSource(), stream).persist(campaign)).isEqualTo(5);
        assertThat(jdbc.queryForMap("SELECT interest_score, interest_grade, lost_status FROM leads WHERE first_name = 'Ada'"))
                .containsEntry("interest_score", 85).containsEntry("interest_grade", "A").containsEntry("lost_status", "NEVER");
        assertThat(jdbc.queryForObject("SELECT lost_since FROM leads WHERE first_name = 'Cy'", java.sql.Date.class))
                .isEqualTo(java.sql.Date.valueOf("2026-06-01"));

        ReportRequest request = new ReportRequest(campaign, "hand-checked", ReportType.CAMPAIGN, ReportFormat.HTML, DAY,
                DAY.plusSeconds(86_400), ZoneOffset.UTC, LocalDate.of(2026, 12, 1), false, null);
        var charts = new org.opendialer.reports.chart.ReportCharts(db.dataSource());
        byte[] png = org.opendialer.reports.chart.Charts.png(charts.chart("grades", request));
        assertThat(new byte[] {png[1], png[2], png[3]}).containsExactly('P', 'N', 'G');
        assertThat(org.opendialer.reports.chart.Charts.svg(charts.chart("funnel", request))).startsWith("<svg").contains("greeting");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> charts.chart("pie", request)).hasMessageContaining("unknown chart 'pie'");
    }
}
