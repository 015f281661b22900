package org.opendialer.engine.dialer;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the dialer gets the next lead to call: the campaign's hopper in the service, a generated list
 * in simulation. Called on the engine's clock thread; implementations should answer from memory (a
 * hopper refilled in the background), not block on a database.
 */
public interface LeadSource {

    /** The next lead to dial now; empty when none is callable right now. */
    Optional<DialLead> next();

    /** The dialer could not call {@code lead} now (e.g. its last call was abandoned); offer it again after {@code notBefore}. */
    default void putBack(DialLead lead, Instant notBefore) {
    }

    /** The dialer dials {@code leadId} on an agent's request: a source holding it must not hand it out as well. */
    default void taken(long leadId) {
    }

    /** Why {@link #next} is empty, in words a manager understands. */
    default String whyEmpty() {
        return "no callable leads left";
    }
}
