package org.opendialer.engine.dialer;

import java.time.Instant;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.clock.DialerClock;

/** One call in progress. Mutable, engine-thread only; becomes an {@link AttemptOutcome} when it ends. */
final class Attempt {

    final AttemptId id;
    final DialLead lead;
    final long placedAtMillis;
    final long reservedAgent;
    AttemptPhase phase = AttemptPhase.DIALING;
    long ringingAtMillis;
    long answeredAtMillis;
    long bridgedAtMillis;
    long agentId;
    /** Handed over by the robot: waiting for an agent is not an abandon. */
    boolean handoff;
    /** Sent to an agent and not yet reported in the agent's bridge. */
    boolean bridging;
    boolean robot;
    boolean abandoned;
    boolean machine;
    AmdStatus amd;
    String amdCause;
    String server;
    String channel;
    String uniqueId;
    String recordingPath;
    DialerClock.Scheduled deadline;

    Attempt(AttemptId id, DialLead lead, long placedAtMillis, long reservedAgent) {
        this.id = id;
        this.lead = lead;
        this.placedAtMillis = placedAtMillis;
        this.reservedAgent = reservedAgent;
    }

    AttemptOutcome outcome(CampaignId campaign, long endedAtMillis, CallResult result, int cause, String causeText) {
        return new AttemptOutcome(id, campaign, lead, instant(placedAtMillis), instant(ringingAtMillis),
                instant(answeredAtMillis), instant(bridgedAtMillis), instant(endedAtMillis), result, cause, causeText,
                amd, amdCause, agentId, robot, abandoned, server, channel, uniqueId, recordingPath);
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
}
