package org.opendialer.engine.dialer;

import java.time.Instant;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;

/**
 * Records attempts: the service stores them as {@code call_attempts} rows, a simulation just counts.
 * Called on the engine's clock thread.
 */
public interface AttemptLog {

    /** A call is about to be placed; returns its attempt id (the row id). */
    AttemptId open(CampaignId campaign, DialLead lead, Instant placedAt);

    /** The attempt is over; {@code outcome} holds everything that happened to it. */
    void closed(AttemptOutcome outcome);

    /**
     * The attempt moved on while still open (ringing, connected to {@code agentId}, with the robot,
     * waiting for an agent, abandoning), so a store can show live state; the default ignores it.
     */
    default void progressed(AttemptId attempt, AttemptPhase phase, Instant at, long agentId) {
    }
}
