package org.opendialer.engine.dialer;

import java.time.Instant;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.CallResult;

/**
 * Everything that happened to one attempt, as the call_attempts row stores it. Timestamps the call never
 * reached are null; {@code agentId} is 0 when no agent took it.
 */
public record AttemptOutcome(AttemptId attemptId, CampaignId campaignId, DialLead lead, Instant placedAt,
                             Instant ringingAt, Instant answeredAt, Instant bridgedAt, Instant endedAt,
                             CallResult result, int cause, String causeText, AmdStatus amd, String amdCause,
                             long agentId, boolean robot, boolean abandoned, String server, String channel,
                             String uniqueId, String recordingPath) implements java.io.Serializable {

    /** Seconds the answered callee waited for an agent, or 0. */
    public double waitSeconds() {
        if (answeredAt == null) {
            return 0;
        }
        Instant until = bridgedAt != null ? bridgedAt : endedAt;
        return until == null ? 0 : (until.toEpochMilli() - answeredAt.toEpochMilli()) / 1000.0;
    }

    /** Seconds the callee talked with the agent or the robot, or 0. */
    public double talkSeconds() {
        if (bridgedAt == null || endedAt == null) {
            return 0;
        }
        return (endedAt.toEpochMilli() - bridgedAt.toEpochMilli()) / 1000.0;
    }
}
