package org.opendialer.service.dialing;

import org.opendialer.service.attempt.DatabaseAttemptIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.agent.AgentStateChange;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.AttemptPhase;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.engine.store.AttemptIdBlocks;
import org.opendialer.engine.store.AttemptWrite;
import org.opendialer.engine.store.WriteBehindAttemptLog;
import org.opendialer.engine.store.WriteJournal;
import org.opendialer.service.dialing.AgentStateLog;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.campaign.CampaignValidator;
import org.opendialer.service.lead.AttemptRecorder;
import org.opendialer.service.lead.LeadStore;
import org.opendialer.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Attempts written behind the clock thread land in the database as the recorder writes them, once each. */
class WriteBehindAttemptsIT {

    private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

    @TempDir
    Path dir;

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void idBlocksNeverOverlapAndStartPastEveryStoredAttempt(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
            DatabaseAttemptIds ids = new DatabaseAttemptIds(jdbc, tx);
            long first = ids.reserve(100);
            long second = new DatabaseAttemptIds(jdbc, tx).reserve(100); // another instance
            assertThat(second).isGreaterThanOrEqualTo(first + 100);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aJournalReplayedAfterItsWritesWereStoredChangesNothing(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Fixture f = new Fixture(db);
            DialLead lead = f.lead("+12125550101");
            AttemptId id = new AttemptId(f.ids.reserve(10));
            List<AttemptWrite> writes = List.of(new AttemptWrite.Opened(id, f.campaignId(), lead, T0),
                    new AttemptWrite.Progressed(id, AttemptPhase.RINGING, T0.plusSeconds(2), 0),
                    new AttemptWrite.AgentStateChanged(new AgentStateChange(f.agent, AgentState.LOGGED_OUT, AgentState.READY, T0, null, null)),
                    new AttemptWrite.Closed(f.outcome(id, lead)));
            f.store.write(writes);
            f.store.write(writes); // the crash came after the commit, before the journal heard of it

            assertThat(f.jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE id = ?", Integer.class, id.value())).isEqualTo(1);
            Map<String, Object> row = f.jdbc.queryForMap("SELECT state, result FROM call_attempts WHERE id = ?", id.value());
            assertThat(row.get("state")).isEqualTo("ENDED");
            assertThat(row.get("result")).isEqualTo("NO_ANSWER");
            assertThat(f.jdbc.queryForObject("SELECT attempt_count FROM leads WHERE id = ?", Integer.class, lead.leadId())).isEqualTo(1);
            assertThat(f.jdbc.queryForObject("SELECT COUNT(*) FROM agent_state_log WHERE agent_id = ?", Integer.class, f.agent))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void attemptsPlacedWhileTheDatabaseWasDownAreStoredFromTheJournalAtTheNextStart(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            Fixture f = new Fixture(db);
            DialLead lead = f.lead("+12125550102");
            Path journal = dir.resolve("campaign.journal");
            WriteBehindAttemptLog log = new WriteBehindAttemptLog("it", batch -> {
                throw new IllegalStateException("database unreachable");
            }, f.ids, 10, WriteJournal.at(journal));
            AttemptId id = log.open(f.campaignId(), lead, T0);
            log.progressed(id, AttemptPhase.RINGING, T0.plusSeconds(2), 0);
            log.close(Duration.ofMillis(300)); // killed with the writes acknowledged but not stored

            assertThat(f.jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts", Integer.class)).isZero();
            assertThat(WriteJournal.replay(journal, f.store, 100)).isEqualTo(2);
            assertThat(f.jdbc.queryForObject("SELECT state FROM call_attempts WHERE id = ?", String.class, id.value()))
                    .isEqualTo("RINGING");
            assertThat(f.jdbc.queryForObject("SELECT status FROM leads WHERE id = ?", String.class, lead.leadId())).isEqualTo("DIALING");
        }
    }

    private static final class Fixture {
        final JdbcTemplate jdbc;
        final TransactionTemplate tx;
        final Campaign campaign;
        final DatabaseAttemptIds ids;
        final DatabaseAttemptStore store;
        final long agent;

        Fixture(TestDatabase db) {
            jdbc = new JdbcTemplate(db.dataSource());
            tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
            SimulatedClock clock = new SimulatedClock(T0);
            CampaignRepository campaigns = new CampaignRepository(jdbc, clock);
            campaign = campaigns.create(CampaignValidator.defaults("write-behind"));
            ids = new DatabaseAttemptIds(jdbc, tx);
            store = new DatabaseAttemptStore(new AttemptRecorder(campaign, jdbc, tx, "it"), new AgentStateLog(jdbc, campaign.id()), tx);
            Timestamp now = Timestamp.from(T0);
            jdbc.update("INSERT INTO users (username, display_name, password_hash, role, created_at) "
                    + "VALUES ('agent-wb', 'Agent', 'x', 'AGENT', ?)", now);
            agent = jdbc.queryForObject("SELECT id FROM users WHERE username = 'agent-wb'", Long.class);
        }

        CampaignId campaignId() {
            return new CampaignId(campaign.id());
        }

        DialLead lead(String phone) {
            Timestamp now = Timestamp.from(T0);
            jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    campaign.id(), phone, "America/New_York", now, now);
            long id = jdbc.queryForObject("SELECT id FROM leads WHERE phone_e164 = ?", Long.class, phone);
            return new DialLead(id, new PhoneNumber(phone), null, Map.of(LeadStore.TIME_ZONE, "America/New_York"));
        }

        AttemptOutcome outcome(AttemptId id, DialLead lead) {
            return new AttemptOutcome(id, campaignId(), lead, T0, T0.plusSeconds(2), null, null, T0.plusSeconds(24),
                    CallResult.NO_ANSWER, 19, "no answer", null, null, 0, false, false, null, null, null, null);
        }
    }
}
