package org.opendialer.service.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CallingWindowTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final CallingWindow WEEKDAYS_8_TO_21 =
            CallingWindow.parse("MON,TUE,WED,THU,FRI", LocalTime.of(8, 0), LocalTime.of(21, 0), "2026-12-25");

    @Test
    void theSameInstantIsInsideTheWindowInOneZoneAndOutsideInAnother() {
        Instant noonInNewYork = Instant.parse("2026-12-01T17:00:00Z"); // Tue 12:00 EST, 09:00 PST, Wed 01:00 CST
        assertThat(WEEKDAYS_8_TO_21.isOpen(noonInNewYork, NEW_YORK)).isTrue();
        assertThat(WEEKDAYS_8_TO_21.isOpen(noonInNewYork, LOS_ANGELES)).isTrue();
        assertThat(WEEKDAYS_8_TO_21.isOpen(noonInNewYork, SHANGHAI)).isFalse();

        Instant sevenThirtyInLosAngeles = Instant.parse("2026-12-01T15:30:00Z");
        assertThat(WEEKDAYS_8_TO_21.isOpen(sevenThirtyInLosAngeles, NEW_YORK)).isTrue();
        assertThat(WEEKDAYS_8_TO_21.isOpen(sevenThirtyInLosAngeles, LOS_ANGELES)).isFalse();
    }

    @Test
    void theWindowStartIsInclusiveAndItsEndExclusive() {
        assertThat(WEEKDAYS_8_TO_21.isOpen(Instant.parse("2026-12-01T13:00:00Z"), NEW_YORK)).isTrue();
        assertThat(WEEKDAYS_8_TO_21.isOpen(Instant.parse("2026-12-01T12:59:59Z"), NEW_YORK)).isFalse();
        assertThat(WEEKDAYS_8_TO_21.isOpen(Instant.parse("2026-12-02T01:59:59Z"), NEW_YORK)).isTrue();
        assertThat(WEEKDAYS_8_TO_21.isOpen(Instant.parse("2026-12-02T02:00:00Z"), NEW_YORK)).isFalse();
    }

    @Test
    void aWindowEndingAt2359RunsToMidnightSoThatAnAllDayWindowHasNoClosedMinute() {
        CallingWindow allDay = new CallingWindow(java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                java.time.LocalTime.MIDNIGHT, java.time.LocalTime.of(23, 59), java.util.Set.of());
        assertThat(allDay.isOpen(Instant.parse("2026-12-01T23:59:30Z"), java.time.ZoneOffset.UTC)).isTrue();
        assertThat(allDay.isOpen(Instant.parse("2026-12-02T00:00:00Z"), java.time.ZoneOffset.UTC)).isTrue();
        assertThat(allDay.nextOpening(Instant.parse("2026-12-01T23:59:59Z"), java.time.ZoneOffset.UTC))
                .contains(Instant.parse("2026-12-01T23:59:59Z"));
    }

    @Test
    void weekendsAndHolidaysAreClosedInTheCalleesOwnCalendar() {
        assertThat(WEEKDAYS_8_TO_21.isOpen(Instant.parse("2026-12-05T17:00:00Z"), NEW_YORK)).as("Saturday").isFalse();
        assertThat(WEEKDAYS_8_TO_21.isOpen(Instant.parse("2026-12-25T17:00:00Z"), NEW_YORK)).as("holiday").isFalse();
        // Friday 20:00 in Los Angeles is already Saturday 04:00 in UTC: the callee's Friday counts
        assertThat(WEEKDAYS_8_TO_21.isOpen(Instant.parse("2026-12-05T04:00:00Z"), LOS_ANGELES)).isTrue();
    }

    @Test
    void theWindowFollowsLocalTimeAcrossTheSpringForwardChange() {
        // 2026-03-08 is the US switch to daylight time: 08:00 local is 13:00 UTC before, 12:00 UTC after
        CallingWindow everyDay = CallingWindow.DEFAULT;
        assertThat(everyDay.isOpen(Instant.parse("2026-03-07T12:30:00Z"), NEW_YORK)).as("Saturday 07:30 EST").isFalse();
        assertThat(everyDay.isOpen(Instant.parse("2026-03-08T12:30:00Z"), NEW_YORK)).as("Sunday 08:30 EDT").isTrue();
        assertThat(everyDay.nextOpening(Instant.parse("2026-03-08T03:00:00Z"), NEW_YORK))
                .contains(Instant.parse("2026-03-08T12:00:00Z"));
    }

    @Test
    void theWindowFollowsLocalTimeAcrossTheFallBackChange() {
        // 2026-11-01 the US returns to standard time: 21:00 local closes at 02:00 UTC instead of 01:00
        CallingWindow everyDay = CallingWindow.DEFAULT;
        assertThat(everyDay.isOpen(Instant.parse("2026-11-01T01:30:00Z"), NEW_YORK)).as("Oct 31 21:30 EDT").isFalse();
        assertThat(everyDay.isOpen(Instant.parse("2026-11-02T01:30:00Z"), NEW_YORK)).as("Nov 1 20:30 EST").isTrue();
    }

    @Test
    void aWindowStartingInsideTheDaylightGapOpensAtTheFirstValidInstant() {
        CallingWindow earlyBirds = CallingWindow.parse("SUN", LocalTime.of(2, 30), LocalTime.of(4, 0), "");
        assertThat(earlyBirds.nextOpening(Instant.parse("2026-03-08T05:00:00Z"), NEW_YORK))
                .contains(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT, the gap skipped
    }

    @Test
    void nextOpeningSkipsWeekendsAndHolidays() {
        Instant christmasEveNight = Instant.parse("2026-12-25T03:00:00Z"); // Thu 22:00 EST
        assertThat(WEEKDAYS_8_TO_21.nextOpening(christmasEveNight, NEW_YORK))
                .contains(Instant.parse("2026-12-28T13:00:00Z")); // Mon 08:00 EST: Fri is a holiday, then the weekend
    }

    @Test
    void badWindowsAreRefusedNamingThePart() {
        assertThatThrownBy(() -> CallingWindow.parse("MON,FUNDAY", LocalTime.of(8, 0), LocalTime.of(21, 0), ""))
                .hasMessageContaining("FUNDAY");
        assertThatThrownBy(() -> CallingWindow.parse("MON", LocalTime.of(21, 0), LocalTime.of(8, 0), ""))
                .hasMessageContaining("start before it ends");
        assertThatThrownBy(() -> CallingWindow.parse("MON", LocalTime.of(8, 0), LocalTime.of(21, 0), "25/12/2026"))
                .hasMessageContaining("25/12/2026");
    }
}
