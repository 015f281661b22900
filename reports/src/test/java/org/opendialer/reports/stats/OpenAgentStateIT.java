package org.opendialer.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agent still logged in has worked until now, not until the end of the report's range: five minutes into
 * the day, a report for the whole day counts five minutes, not the hours still to come.
 */
class OpenAgentStateIT {

    private static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T09:05:00Z");
    private TestDatabase db;

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOpenStateCountsOnlyUpToNow(String kind) throws Exception {
        db = TestDatabase.create(kind).migrated();
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        Timestamp midnight = Timestamp.from(DAY);
        jdbc.update("INSERT INTO campaigns (name, report_zone, created_at, updated_at) VALUES ('open-state', 'UTC', ?, ?)", midnight, midnight);
        long campaign = jdbc.queryForObject("SELECT id FROM campaigns", Long.class);
        jdbc.update("INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES ('al', 'Al', 'x', 'AGENT', ?)", midnight);
        long al = jdbc.queryForObject("SELECT id FROM users WHERE username = 'al'", Long.class);
        // given an agent ready since 09:00 who is still logged in (the state has no end yet)
        jdbc.update("INSERT INTO agent_state_log (agent_id, campaign_id, state, started_at, ended_at) VALUES (?, ?, 'READY', ?, NULL)",
                al, campaign, Timestamp.from(NINE));

        // when the whole day is reported at 09:05
        List<AgentStatistics.Row> rows = new AgentStatistics(db.dataSource()).compute(campaign, DAY, DAY.plusSeconds(86_400), NOW);
        CampaignStatistics.Result stats = new CampaignStatistics(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC))
                .compute(campaign, DAY, DAY.plusSeconds(86_400), ZoneOffset.UTC);

        // then the agent has five minutes, in the agent report and in the campaign's agent hours
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.loggedInSeconds()).isEqualTo(300.0));
        assertThat(stats.agentHours()).isCloseTo(300 / 3600.0, within(1e-9));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRangeThatEndedBeforeNowStillEndsAtItsEnd(String kind) throws Exception {
        db = TestDatabase.create(kind).migrated();
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        Timestamp midnight = Timestamp.from(DAY);
        jdbc.update("INSERT INTO campaigns (name, report_zone, created_at, updated_at) VALUES ('open-state', 'UTC', ?, ?)", midnight, midnight);
        long campaign = jdbc.queryForObject("SELECT id FROM campaigns", Long.class);
        jdbc.update("INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES ('al', 'Al', 'x', 'AGENT', ?)", midnight);
        long al = jdbc.queryForObject("SELECT id FROM users WHERE username = 'al'", Long.class);
        jdbc.update("INSERT INTO agent_state_log (agent_id, campaign_id, state, started_at, ended_at) VALUES (?, ?, 'READY', ?, NULL)",
                al, campaign, Timestamp.from(NINE));

        // a report for 09:00-09:02 asked at 09:05 counts its two minutes
        List<AgentStatistics.Row> rows = new AgentStatistics(db.dataSource()).compute(campaign, NINE, NINE.plusSeconds(120), NOW);

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.loggedInSeconds()).isEqualTo(120.0));
    }
}
