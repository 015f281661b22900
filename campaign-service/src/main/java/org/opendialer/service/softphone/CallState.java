package org.opendialer.service.softphone;

/**
 * The call in front of an agent as the call controls see it: the attempt (null between calls), whether the callee
 * is on hold, whether the recording is paused, the keypad digits sent, and whether the call is a simulated one.
 */
public record CallState(Long attemptId, boolean held, boolean recordingPaused, String digits, boolean simulated) {

    public static CallState none(boolean simulated) {
        return new CallState(null, false, false, "", simulated);
    }

    CallState held(boolean on) {
        return new CallState(attemptId, on, recordingPaused, digits, simulated);
    }

    CallState recordingPaused(boolean on) {
        return new CallState(attemptId, held, on, digits, simulated);
    }

    CallState dialled(char digit) {
        return new CallState(attemptId, held, recordingPaused, digits + digit, simulated);
    }
}
