package org.opendialer.engine.asterisk;

import org.opendialer.engine.call.CallResult;

/** Asterisk's outcomes in the dialer's words: Q.850 hangup causes and OriginateResponse reasons. */
final class HangupCauses {

    private HangupCauses() {
    }

    /** How an unanswered call ended, from its hangup cause. */
    static CallResult unanswered(int cause) {
        return switch (cause) {
            case 17 -> CallResult.BUSY;
            case 18, 19, 16 -> CallResult.NO_ANSWER; // 16 before answer: the ring timeout ran out
            case 21 -> CallResult.REJECTED;
            case 1, 3, 28 -> CallResult.INVALID_NUMBER;
            case 34, 38, 41, 42, 44 -> CallResult.CONGESTION;
            default -> CallResult.FAILED;
        };
    }

    /** How an originate that never connected ended, from OriginateResponse's Reason. */
    static CallResult originateFailed(int reason) {
        return switch (reason) {
            case 1, 3 -> CallResult.NO_ANSWER;
            case 5 -> CallResult.BUSY;
            case 8 -> CallResult.CONGESTION;
            default -> CallResult.FAILED;
        };
    }

    static int causeOfReason(int reason) {
        return switch (reason) {
            case 3, 1 -> 19;
            case 5 -> 17;
            case 8 -> 34;
            default -> 0;
        };
    }

    /** Q.850's words for the causes a dialer meets, for when Asterisk gave only the number. */
    static String text(int cause) {
        return switch (cause) {
            case 1 -> "Unallocated (unassigned) number";
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 18 -> "No user responding";
            case 19 -> "User alerting, no answer";
            case 21 -> "Call Rejected";
            case 34 -> "Circuit/channel congestion";
            case 38 -> "Network out of order";
            default -> "cause " + cause;
        };
    }
}
