package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

class DemoCommandIT {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    private static long number(String out, String label) {
        Matcher m = Pattern.compile(label + "\\s+([\\d,]+)").matcher(out);
        assertThat(m.find()).as(label + " in:\n" + out).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theDemoImportsTheSampleListAndDialsAWholeDayWithinTheRules(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            CliRun run = CliRun.of("demo", "--db-url", db.settings().url(), "--db-user", db.settings().user(),
                    "--db-password", db.settings().password(), "--day", "2026-11-23");
            assertThat(run.exitCode()).as(run.err()).isZero();
            String out = run.out();
            assertThat(out).contains("3,996 leads, 4 rejected").contains("serve");
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());

            long calls = number(out, "calls placed");
            long human = number(out, "answered by a person");
            long abandoned = number(out, "abandoned");
            assertThat(calls).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts a JOIN campaigns c ON c.id = a.campaign_id "
                    + "WHERE c.name = 'Demo - broadband offer'", Long.class)).isGreaterThan(3000);
            assertThat((double) abandoned / human).as("abandon rate").isLessThanOrEqualTo(0.03);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE state <> 'ENDED'", Long.class))
                    .as("no attempt left open").isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE status = 'DIALING' OR locked_by IS NOT NULL", Long.class))
                    .as("no lead left dialling or held").isZero();
            assertThat(jdbc.queryForObject("SELECT MAX(attempts_today) FROM leads", Integer.class)).isLessThanOrEqualTo(2);
            assertThat(jdbc.queryForList("SELECT status FROM campaigns", String.class)).containsOnly("PAUSED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agent_state_log", Long.class)).isGreaterThan(1000);

            // every call rang between 08:00 and 21:00 in its callee's own time zone: the west coast starts later
            List<Map.Entry<Instant, ZoneId>> attempts = jdbc.query("SELECT a.placed_at, l.time_zone FROM call_attempts a "
                    + "JOIN leads l ON l.id = a.lead_id", (rs, row) -> Map.entry(rs.getTimestamp(1).toInstant(), ZoneId.of(rs.getString(2))));
            for (Map.Entry<Instant, ZoneId> a : attempts) {
                assertThat(a.getKey().atZone(a.getValue()).toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(21, 0));
            }
            assertThat(attempts.stream().filter(a -> a.getValue().getId().equals("America/Los_Angeles"))
                    .map(Map.Entry::getKey).min(Comparable::compareTo).orElseThrow())
                    .as("first west-coast call").isAfterOrEqualTo(java.time.Instant.parse("2026-11-23T16:00:00Z"));
            assertThat(out).containsPattern("leads by interest grade: A \\d+ +B [\\d,]+ +C [\\d,]+ +D [\\d,]+");

            // the robot's quarter hour: real conversations through TTS and ASR, every turn stored, outcomes as dispositions
            assertThat(number(out, "robot conversations")).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM conversation_turns WHERE intent IS NOT NULL AND intent <> 'NO_MATCH'",
                    Long.class)).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts a JOIN campaigns c ON c.id = a.campaign_id "
                    + "WHERE c.dialing_mode = 'AGENTLESS' AND a.disposition_code IS NOT NULL", Long.class)).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads l JOIN campaigns c ON c.id = l.campaign_id "
                    + "WHERE c.dialing_mode = 'AGENTLESS' AND l.interest_grade IS NOT NULL", Long.class))
                    .as("each lead the robot talked to is graded at once").isPositive();

            // the analyst's reports on the demo day, from the CLI
            CliRun leads = CliRun.of("report", "--db-url", db.settings().url(), "--db-user", db.settings().user(),
                    "--db-password", db.settings().password(), "--campaign", "Demo - broadband offer", "--type", "leads",
                    "--format", "csv", "--to", "2026-11-23", "--out", dir.resolve("leads.csv").toString());
            assertThat(leads.exitCode()).as(leads.err()).isZero();
            List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("leads.csv"));
            assertThat(lines).hasSize(3997);
            assertThat(lines.get(1)).startsWith("1,").contains(",A,");
            CliRun html = CliRun.of("report", "--db-url", db.settings().url(), "--db-user", db.settings().user(),
                    "--db-password", db.settings().password(), "--campaign", "Demo - broadband offer", "--type", "campaign",
                    "--format", "html", "--from", "2026-11-23", "--to", "2026-11-23", "--out", dir.resolve("day.html").toString());
            assertThat(html.exitCode()).as(html.err()).isZero();
            assertThat(java.nio.file.Files.readString(dir.resolve("day.html"))).contains("<svg").contains("TOTAL");
            CliRun bad = CliRun.of("report", "--db-url", db.settings().url(), "--db-user", db.settings().user(),
                    "--db-password", db.settings().password(), "--campaign", "Demo - broadband offer", "--type", "gossip",
                    "--out", dir.resolve("x.csv").toString());
            assertThat(bad.exitCode()).isEqualTo(1);
            assertThat(bad.err()).contains("--type: unknown report type 'gossip'");

            // a busy or unanswered lead rests before its next call
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts a JOIN call_attempts b ON a.lead_id = b.lead_id "
                    + "AND b.attempt_no = a.attempt_no + 1 WHERE b.placed_at < a.ended_at", Long.class)).isZero();
        }
    }
}
