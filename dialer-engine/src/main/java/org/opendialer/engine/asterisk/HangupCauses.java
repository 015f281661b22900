package org.opendialer.engine.asterisk;

import java.util.HashMap;
import java.util.Map;
import org.asteriskjava.live.HangupCause;
import org.opendialer.engine.call.CallResult;

/** Asterisk's outcomes in the dialer's words: Q.850 hangup causes and OriginateResponse reasons. */
final class HangupCauses {

    /** Q.850 normal clearing: the cause the dialer gives every hangup it asks for. */
    static final int NORMAL_CLEARING = HangupCause.AST_CAUSE_NORMAL_CLEARING.getCode();

    /** OriginateResponse reasons: the AST_CONTROL frame the dial ended on (Asterisk-Java has no type for them). */
    static final int REASON_HANGUP = 1;
    static final int REASON_RING_TIMEOUT = 3;
    static final int REASON_BUSY = 5;
    static final int REASON_CONGESTION = 8;

    /** Q.850's name for each code: Asterisk-Java has aliases (BUSY for USER_BUSY), and its own look-up may give either. */
    private static final Map<Integer, HangupCause> BY_CODE = new HashMap<>();

    static {
        for (HangupCause cause : HangupCause.values()) {
            BY_CODE.putIfAbsent(cause.getCode(), cause);
        }
    }

    private HangupCauses() {
    }

    /** The cause Asterisk gave as a number, by its Q.850 name; null for one Asterisk-Java does not know. */
    static HangupCause of(int code) {
        return BY_CODE.get(code);
    }

    /** How an unanswered call ended, from its hangup cause. */
    static CallResult unanswered(int code) {
        HangupCause cause = of(code);
        if (cause == null) {
            return CallResult.FAILED;
        }
        return switch (cause) {
            case AST_CAUSE_USER_BUSY -> CallResult.BUSY;
            // normal clearing before answer: the ring timeout ran out
            case AST_CAUSE_NO_USER_RESPONSE, AST_CAUSE_NO_ANSWER, AST_CAUSE_NORMAL_CLEARING -> CallResult.NO_ANSWER;
            case AST_CAUSE_CALL_REJECTED -> CallResult.REJECTED;
            case AST_CAUSE_UNALLOCATED, AST_CAUSE_NO_ROUTE_DESTINATION, AST_CAUSE_INVALID_NUMBER_FORMAT -> CallResult.INVALID_NUMBER;
            case AST_CAUSE_NORMAL_CIRCUIT_CONGESTION, AST_CAUSE_NETWORK_OUT_OF_ORDER, AST_CAUSE_NORMAL_TEMPORARY_FAILURE,
                 AST_CAUSE_SWITCH_CONGESTION, AST_CAUSE_REQUESTED_CHAN_UNAVAIL -> CallResult.CONGESTION;
            default -> CallResult.FAILED;
        };
    }

    /** How an originate that never connected ended, from OriginateResponse's Reason. */
    static CallResult originateFailed(int reason) {
        return switch (reason) {
            case REASON_HANGUP, REASON_RING_TIMEOUT -> CallResult.NO_ANSWER;
            case REASON_BUSY -> CallResult.BUSY;
            case REASON_CONGESTION -> CallResult.CONGESTION;
            default -> CallResult.FAILED;
        };
    }

    /** The hangup cause an OriginateResponse reason stands for; 0 when it tells none. */
    static int causeOfReason(int reason) {
        HangupCause cause = switch (reason) {
            case REASON_RING_TIMEOUT, REASON_HANGUP -> HangupCause.AST_CAUSE_NO_ANSWER;
            case REASON_BUSY -> HangupCause.AST_CAUSE_USER_BUSY;
            case REASON_CONGESTION -> HangupCause.AST_CAUSE_NORMAL_CIRCUIT_CONGESTION;
            default -> null;
        };
        return cause == null ? 0 : cause.getCode();
    }

    /** Q.850's words for the causes a dialer meets, for when Asterisk gave only the number. */
    static String text(int code) {
        HangupCause cause = of(code);
        if (cause == null) {
            return "cause " + code;
        }
        return switch (cause) {
            case AST_CAUSE_UNALLOCATED -> "Unallocated (unassigned) number";
            case AST_CAUSE_NORMAL_CLEARING -> "Normal Clearing";
            case AST_CAUSE_USER_BUSY -> "User busy";
            case AST_CAUSE_NO_USER_RESPONSE -> "No user responding";
            case AST_CAUSE_NO_ANSWER -> "User alerting, no answer";
            case AST_CAUSE_CALL_REJECTED -> "Call Rejected";
            case AST_CAUSE_NORMAL_CIRCUIT_CONGESTION -> "Circuit/channel congestion";
            case AST_CAUSE_NETWORK_OUT_OF_ORDER -> "Network out of order";
            default -> "cause " + code;
        };
    }
}
