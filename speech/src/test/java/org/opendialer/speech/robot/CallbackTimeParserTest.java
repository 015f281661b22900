package org.opendialer.speech.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CallbackTimeParserTest {

    /** Wednesday 2 December 2026, 11:20 in Los Angeles. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 2, 11, 20, 0, 0, ZoneId.of("America/Los_Angeles"));

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
        "call me back in an hour, 2026-12-02T12:20",
        "try again in 30 minutes, 2026-12-02T11:50",
        "in two hours please, 2026-12-02T13:20",
        "tomorrow afternoon, 2026-12-03T15:00",
        "call me tomorrow morning, 2026-12-03T10:00",
        "next monday at 3, 2026-12-07T15:00",
        "friday at ten thirty, 2026-12-04T10:30",
        "at five, 2026-12-02T17:00",
        "at 9 am, 2026-12-03T09:00",
        "this evening, 2026-12-02T19:00",
        "later today, 2026-12-02T13:20",
        "next week, 2026-12-07T10:00",
        "call me back tomorrow at three, 2026-12-03T15:00"
    })
    void understandsWhenInTheCalleesLocalTime(String said, String expected) {
        assertThat(CallbackTimeParser.parse(said, NOW)).hasValueSatisfying(
                at -> assertThat(at.toLocalDateTime().toString()).isEqualTo(expected));
    }

    @Test
    void theResultIsInTheCalleesZone() {
        assertThat(CallbackTimeParser.parse("tomorrow afternoon", NOW).orElseThrow().toInstant().toString())
                .isEqualTo("2026-12-03T23:00:00Z");
    }

    @Test
    void noTimeInTheAnswerIsNoCallbackTime() {
        assertThat(CallbackTimeParser.parse("I don't know", NOW)).isEmpty();
    }
}
