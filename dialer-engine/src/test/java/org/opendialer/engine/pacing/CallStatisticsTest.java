package org.opendialer.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CallStatisticsTest {

    @Test
    void learnsTheRoutableShareAndForgetsTheMorningWhenTheListChanges() {
        CallStatistics stats = new CallStatistics(PacingSettings.defaults());
        for (int i = 0; i < 2000; i++) {
            stats.dialResolved(10, i % 10 < 3);
        }
        assertThat(stats.routableProbability()).isCloseTo(0.30, within(0.03));
        for (int i = 0; i < 2000; i++) {
            stats.dialResolved(10, i % 10 < 1);
        }
        assertThat(stats.routableProbability()).isCloseTo(0.10, within(0.03));
    }

    @Test
    void aDialRingingLongAfterPeopleUsuallyAnswerIsProbablyNotGoingToBeAnswered() {
        CallStatistics stats = new CallStatistics(PacingSettings.defaults());
        for (int i = 0; i < 500; i++) {
            stats.dialResolved(8 + (i % 5), true);   // people answer after 8-12 s
            stats.dialResolved(24, false);           // the rest rings out at 24 s
            stats.dialResolved(24, false);
        }
        assertThat(stats.routableGivenUnresolved(2)).isCloseTo(1.0 / 3, within(0.05));
        assertThat(stats.routableGivenUnresolved(15)).isLessThan(0.02);
    }

    @Test
    void anAgentLongIntoAShortCallTypeIsAboutToBeFree() {
        CallStatistics stats = new CallStatistics(PacingSettings.defaults());
        for (int i = 0; i < 500; i++) {
            stats.talkEnded(100 + (i % 21));          // talks last 100-120 s
            stats.wrapEnded(5, false);
        }
        Floor floor = new Floor().talking(1, 105);
        var agent = floor.roster.agents().iterator().next();
        assertThat(stats.freeWithin(agent, floor.nowMillis(), 25)).isGreaterThan(0.95);
        Floor early = new Floor().talking(1, 10);
        var fresh = early.roster.agents().iterator().next();
        assertThat(stats.freeWithin(fresh, early.nowMillis(), 25)).isLessThan(0.05);
    }
}
