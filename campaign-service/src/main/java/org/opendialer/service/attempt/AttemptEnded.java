package org.opendialer.service.attempt;

import java.time.Instant;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;

/** The call is over: its result and whether the callee was abandoned. */
public record AttemptEnded(AttemptId attempt, CallResult result, boolean abandoned, Instant at) implements AttemptEvent {
}
