package org.opendialer.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SimulatedClock;

class AbandonGovernorTest {

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final PhoneNumber number = new PhoneNumber("+442079460000");

    @Test
    void theRateIsAbandonsOverLiveAnswersInsideTheRollingWindow() {
        AbandonGovernor governor = new AbandonGovernor(clock, ComplianceSettings.DEFAULT.withWindow(Duration.ofHours(24)),
                ZoneOffset.UTC);
        for (int i = 0; i < 100; i++) {
            governor.liveAnswer();
        }
        governor.abandoned(number);
        governor.abandoned(number);
        assertThat(governor.windowRate()).isCloseTo(0.02, within(1e-9));
        clock.advance(Duration.ofHours(25));
        governor.liveAnswer();
        assertThat(governor.windowAnswers()).isEqualTo(1);
        assertThat(governor.windowRate()).isZero();
    }

    @Test
    void historyFromBeforeStartCountsUntilItLeavesTheWindow() {
        AbandonGovernor governor = new AbandonGovernor(clock, ComplianceSettings.DEFAULT, ZoneOffset.UTC);
        governor.recordHistory(clock.now().minus(Duration.ofDays(29)), 1000, 40);
        assertThat(governor.windowRate()).isCloseTo(0.04, within(1e-9));
        assertThat(governor.atCap()).isTrue();
        assertThat(governor.todayAnswers()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(governor.windowAnswers()).isZero();
        assertThat(governor.atCap()).isFalse();
    }

    @Test
    void anAbandonedNumberIsNotRedialledWithinSeventyTwoHours() {
        AbandonGovernor governor = new AbandonGovernor(clock, ComplianceSettings.DEFAULT, ZoneOffset.UTC);
        governor.abandoned(number);
        clock.advance(Duration.ofHours(71));
        assertThat(governor.mayRedial(number)).isFalse();
        assertThat(governor.redialAllowedAt(number)).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
        clock.advance(Duration.ofHours(1));
        assertThat(governor.mayRedial(number)).isTrue();
    }

    @Test
    void todayStartsAfreshAtMidnightInTheCampaignsZone() {
        AbandonGovernor governor = new AbandonGovernor(clock, ComplianceSettings.DEFAULT, ZoneOffset.UTC);
        governor.liveAnswer();
        governor.abandoned(null);
        assertThat(governor.todayRate()).isEqualTo(1.0);
        clock.advance(Duration.ofHours(16));
        governor.liveAnswer();
        assertThat(governor.todayAnswers()).isEqualTo(1);
        assertThat(governor.todayRate()).isZero();
        assertThat(governor.windowRate()).isEqualTo(0.5);
    }
}
