package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendialer.engine.call.CallResult;

class HangupCausesTest {

    @ParameterizedTest(name = "cause {0} before answer is {1}")
    @CsvSource({"16, NO_ANSWER", "17, BUSY", "18, NO_ANSWER", "19, NO_ANSWER", "21, REJECTED", "1, INVALID_NUMBER",
        "28, INVALID_NUMBER", "34, CONGESTION", "38, CONGESTION", "127, FAILED", "0, FAILED"})
    void hangupCausesOfUnansweredCalls(int cause, CallResult result) {
        assertThat(HangupCauses.unanswered(cause)).isEqualTo(result);
    }

    @ParameterizedTest(name = "OriginateResponse reason {0} is {1}")
    @CsvSource({"0, FAILED", "1, NO_ANSWER", "3, NO_ANSWER", "5, BUSY", "8, CONGESTION"})
    void originateResponseReasons(int reason, CallResult result) {
        assertThat(HangupCauses.originateFailed(reason)).isEqualTo(result);
    }
}
