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

    /**
     * Where the call lives (server, channel, unique id), known once it rings; stored at once so that a call can be
     * found on its PBX while it is still going. The default ignores it.
     */
    default void locatedOn(AttemptId attempt, String server, String channel, String uniqueId) {
    }
}
