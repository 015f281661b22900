package org.opendialer.service.attempt;

import java.time.Instant;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.LeadId;

/** An agent or the robot gave the attempt its disposition ({@code code}). */
public record AttemptDisposed(AttemptId attempt, LeadId lead, String code, Instant at) implements AttemptEvent {
}
