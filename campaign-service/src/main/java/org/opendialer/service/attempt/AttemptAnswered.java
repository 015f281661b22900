package org.opendialer.service.attempt;

import java.time.Instant;
import org.opendialer.engine.call.AttemptId;

/** A person answered and waits for an agent. */
public record AttemptAnswered(AttemptId attempt, Instant at) implements AttemptEvent {
}
