package org.opendialer.service.attempt;

import java.time.Instant;
import org.opendialer.engine.call.AttemptId;

/** Something that happened to an attempt, published once it is stored. */
public sealed interface AttemptEvent permits AttemptPlaced, AttemptAnswered, AttemptConnected, AttemptEnded, AttemptDisposed {

    AttemptId attempt();

    Instant at();
}
