package org.opendialer.service.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.engine.pacing.AnswerRatePriors;
import org.opendialer.engine.pacing.CallStatistics;
import org.opendialer.engine.pacing.PacingSettings;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.campaign.CampaignValidator;
import org.opendialer.service.lead.LeadStore;
import org.opendialer.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Day two starts dialling from the answer share day one learnt, per list and hour, mixed by the leads left. */
class AnswerRateMemoryIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant DAY_ONE_0930 = Instant.parse("2026-12-01T09:30:00Z");

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void dayTwoStartsFromWhatDayOneLearntForEachListAndHour(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
            CampaignRepository campaigns = new CampaignRepository(jdbc, new SimulatedClock(DAY_ONE_0930));
            Campaign campaign = campaigns.create(CampaignValidator.defaults("priors"));
            long warm = list(jdbc, campaign, "warm");
            long cold = list(jdbc, campaign, "cold");

            // day one: the warm list answers 40 % at 09:00-10:00, the cold list 10 %; machines hung up are not routable
            AnswerRateMemory dayOne = new AnswerRateMemory(jdbc, tx, campaign.id(), LONDON, false);
            assertThat(dayOne.priors().hours()).containsOnlyNulls();
            for (int i = 0; i < 100; i++) {
                dayOne.accept(outcome(campaign, warm, DAY_ONE_0930, i % 5 < 2 ? AmdStatus.HUMAN : null));
                dayOne.accept(outcome(campaign, cold, DAY_ONE_0930, i % 10 == 0 ? AmdStatus.HUMAN
                        : i % 10 == 1 ? AmdStatus.MACHINE : null));
            }
            dayOne.save(DAY_ONE_0930.plusSeconds(1800));

            // day two: one warm lead and three cold ones left to call
            lead(jdbc, campaign, warm, "+442071230001");
            for (int i = 2; i <= 4; i++) {
                lead(jdbc, campaign, cold, "+44207123000" + i);
            }
            AnswerRatePriors priors = new AnswerRateMemory(jdbc, tx, campaign.id(), LONDON, false).priors();

            assertThat(priors.hours()[9].share()).isCloseTo((1 * 0.40 + 3 * 0.10) / 4, within(1e-9));
            assertThat(priors.hours()[9].dials()).isEqualTo(200);
            assertThat(priors.hours()[10]).isNull();

            CallStatistics dayTwo = new CallStatistics(PacingSettings.defaults()); // the manager expects 25 %
            dayTwo.usePriors(priors);
            dayTwo.dialsUnresolved(DAY_ONE_0930.plusSeconds(86_400).toEpochMilli(), new long[0]);
            assertThat(dayTwo.routableProbability()).isCloseTo(0.175, within(1e-9));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void olderDaysFadeOnceAnHourHoldsMoreDialsThanItKeeps(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
            Campaign campaign = new CampaignRepository(jdbc, new SimulatedClock(DAY_ONE_0930))
                    .create(CampaignValidator.defaults("fading"));
            lead(jdbc, campaign, 0, "+442071230009");
            AnswerRateMemory memory = new AnswerRateMemory(jdbc, tx, campaign.id(), LONDON, false);
            for (int day = 0; day < 3; day++) {
                double share = day == 2 ? 0.10 : 0.30;
                for (int i = 0; i < 1500; i++) {
                    memory.accept(outcome(campaign, 0, DAY_ONE_0930.plusSeconds(86_400L * day),
                            i < share * 1500 ? AmdStatus.HUMAN : null));
                }
                memory.save(DAY_ONE_0930.plusSeconds(86_400L * day + 3600));
            }
            AnswerRatePriors.Hour nine = memory.priors().hours()[9];
            assertThat(nine.dials()).isEqualTo(AnswerRateMemory.KEEP_DIALS);
            // 1,500 dials of the last day at 10 % and 500 of the days before at 30 %
            assertThat(nine.share()).isCloseTo((150 + 150) / 2000.0, within(1e-3));
        }
    }

    private static long list(JdbcTemplate jdbc, Campaign campaign, String name) {
        jdbc.update("INSERT INTO lead_lists (campaign_id, name, active, created_at) VALUES (?, ?, TRUE, ?)", campaign.id(), name,
                Timestamp.from(DAY_ONE_0930));
        return jdbc.queryForObject("SELECT id FROM lead_lists WHERE campaign_id = ? AND name = ?", Long.class, campaign.id(), name);
    }

    private static void lead(JdbcTemplate jdbc, Campaign campaign, long list, String phone) {
        Timestamp now = Timestamp.from(DAY_ONE_0930);
        jdbc.update("INSERT INTO leads (campaign_id, list_id, phone_e164, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                campaign.id(), list == 0 ? null : list, phone, "Europe/London", now, now);
    }

    /** An attempt placed at {@code at}: answered by a person or a machine ({@code amd}), or not answered (null). */
    private static AttemptOutcome outcome(Campaign campaign, long list, Instant at, AmdStatus amd) {
        DialLead lead = new DialLead(1, new PhoneNumber("+442071230000"), null,
                list == 0 ? Map.of() : Map.of(LeadStore.LIST_ID, Long.toString(list)));
        Instant answered = amd == null ? null : at.plusSeconds(8);
        return new AttemptOutcome(new AttemptId(1), new CampaignId(campaign.id()), lead, at, at.plusSeconds(2), answered, null,
                at.plusSeconds(30), amd == null ? CallResult.NO_ANSWER : CallResult.HUMAN, 16, "", amd, "", 0, false, false,
                "", "", "", null);
    }
}
