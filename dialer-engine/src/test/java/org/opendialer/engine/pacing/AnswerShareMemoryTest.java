package org.opendialer.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The answer share remembers minutes, not dials; ringing dials count; earlier days seed the morning. */
class AnswerShareMemoryTest {

    static final long NINE = Instant.parse("2026-12-03T09:00:00Z").toEpochMilli();

    /** A floor resolving {@code perSecond} dials a second for {@code seconds}, a share {@code share} of them routable. */
    static long dial(CallStatistics stats, long from, int seconds, int perSecond, double share) {
        long t = from;
        int routableEvery = (int) Math.round(1 / share);
        int i = 0;
        for (int s = 0; s < seconds; s++, t += 1000) {
            for (int d = 0; d < perSecond; d++, i++) {
                stats.dialResolved(t, 10, i % routableEvery == 0);
            }
        }
        return t;
    }

    @Test
    void aBigFloorRemembersMinutesOfDialsSoTheShareIsKnownFirmly() {
        CallStatistics big = new CallStatistics(PacingSettings.defaults());
        CallStatistics small = new CallStatistics(PacingSettings.defaults());
        dial(big, NINE, 600, 20, 0.25);     // 12,000 dials in ten minutes
        dial(small, NINE, 600, 1, 0.25);    // 600 dials in ten minutes
        assertThat(big.routableProbability()).isCloseTo(0.25, within(0.01));
        // a count of 400 dials would leave both equally unsure; ten minutes of a big floor are far more
        assertThat(big.routableShareRelativeVariance()).isLessThan(small.routableShareRelativeVariance() / 5);
    }

    @Test
    void aBigFloorStillFollowsTheListWithinMinutes() {
        CallStatistics stats = new CallStatistics(PacingSettings.defaults());
        long t = dial(stats, NINE, 1800, 20, 0.25);
        dial(stats, t, 1200, 20, 0.10);
        assertThat(stats.routableProbability()).isCloseTo(0.10, within(0.03));
    }

    @Test
    void ringingDialsInABurstKeepTheShareFromRunningAwayOnTheFirstAnswers() {
        CallStatistics stats = new CallStatistics(PacingSettings.defaults());
        // learnt delays: people answer in 8-12 s, the rest rings out at 24 s; a quarter answer
        long t = NINE;
        for (int i = 0; i < 800; i++) {
            stats.dialResolved(t, i % 4 == 0 ? 8 + (i % 5) : 24, i % 4 == 0);
        }
        // a burst of 4,000 dials 12 s ago: the 1,000 people among them have answered, the rest still ring
        long burstAt = t + 60_000;
        long now = burstAt + 12_000;
        for (int i = 0; i < 1000; i++) {
            stats.dialResolved(now, 10, true);
        }
        double resolvedOnly = stats.routableProbability();
        long[] ringing = new long[3000];
        java.util.Arrays.fill(ringing, burstAt);
        stats.dialsUnresolved(now, ringing);

        assertThat(resolvedOnly).as("answers only so far").isGreaterThan(0.5);
        assertThat(stats.routableProbability()).as("counting the dials still ringing").isCloseTo(0.25, within(0.05));
    }

    @Test
    void aDayStartsFromTheShareEarlierDaysLearntForThatHour() {
        AnswerRatePriors.Hour[] hours = new AnswerRatePriors.Hour[24];
        hours[9] = new AnswerRatePriors.Hour(0.12, 5000);
        CallStatistics stats = new CallStatistics(PacingSettings.defaults()); // expects 0.25
        stats.usePriors(new AnswerRatePriors(ZoneId.of("UTC"), hours));
        CallStatistics fresh = new CallStatistics(PacingSettings.defaults());

        stats.dialsUnresolved(NINE, new long[0]);
        fresh.dialsUnresolved(NINE, new long[0]);

        assertThat(stats.routableProbability()).isEqualTo(0.12);
        assertThat(fresh.routableProbability()).isEqualTo(0.25);
        assertThat(stats.routableShareRelativeVariance()).isLessThan(fresh.routableShareRelativeVariance());
        assertThatThrownBy(() -> stats.usePriors(AnswerRatePriors.none())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void todaysHoursAreFoldedIntoTheNextDaysPriors() {
        CallStatistics stats = new CallStatistics(PacingSettings.defaults());
        AnswerRatePriors.Hour[] earlier = new AnswerRatePriors.Hour[24];
        earlier[9] = new AnswerRatePriors.Hour(0.40, 100);
        earlier[14] = new AnswerRatePriors.Hour(0.30, 50);
        stats.usePriors(new AnswerRatePriors(ZoneId.of("UTC"), earlier));
        dial(stats, NINE, 100, 1, 0.10);                 // 100 dials at 09:00, a tenth routable
        dial(stats, NINE + 3_600_000, 100, 1, 0.20);     // 100 at 10:00, a fifth

        AnswerRatePriors next = stats.hourlyAnswerRates().mergedInto(stats.priors());

        assertThat(next.hours()[9].share()).isCloseTo((0.40 * 100 + 10) / 200, within(1e-9));
        assertThat(next.hours()[9].dials()).isEqualTo(200);
        assertThat(next.hours()[10].share()).isCloseTo(0.20, within(1e-9));
        assertThat(next.hours()[14]).isEqualTo(earlier[14]);
        assertThat(next.hours()[3]).isNull();
    }
}
