package org.opendialer.engine.telephony;

import java.time.Instant;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;

/** What happened to a call, in the dialer's own words. Wire-level events never leave the adapter. */
public sealed interface CallEvent {

    AttemptId attemptId();

    Instant at();

    /** The far end is ringing. {@code server}, {@code channel} and {@code uniqueId} say where the call lives. */
    record CallRinging(AttemptId attemptId, Instant at, String server, String channel, String uniqueId) implements CallEvent {
    }

    /** The far end picked up; {@code amd} is the machine-detection verdict, or null when detection was off. */
    record CallAnswered(AttemptId attemptId, Instant at, AmdStatus amd, String amdCause) implements CallEvent {
    }

    /** The answered call now talks to the agent: the telephony saw the two in one bridge, not merely asked for it. */
    record CallBridged(AttemptId attemptId, Instant at, long agentId) implements CallEvent {
    }

    /** The agent's phone did not take the call it was given ({@code reason}: no answer, busy, unreachable). */
    record AgentUnreached(AttemptId attemptId, Instant at, long agentId, String reason) implements CallEvent {
    }

    /** The speech robot hands its callee (a hot lead) to a human agent. */
    record RobotHandoff(AttemptId attemptId, Instant at) implements CallEvent {
    }

    /** The call is being recorded to {@code path}. */
    record RecordingStarted(AttemptId attemptId, Instant at, String path) implements CallEvent {
    }

    /**
     * The call is over. {@code result} is how the dial ended (HUMAN/MACHINE for answered calls);
     * {@code cause} is the Q.850 hangup cause when known, else 0.
     */
    record CallEnded(AttemptId attemptId, Instant at, CallResult result, int cause, String causeText) implements CallEvent {
    }
}
