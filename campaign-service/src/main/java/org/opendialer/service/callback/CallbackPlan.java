package org.opendialer.service.callback;

import java.time.Instant;

/**
 * A callback checked whole and ready to store (see {@link CallbackService#plan}): the lead, the instant it
 * falls due, the callee's zone the time was read in, and the agent it is kept for (null: any agent).
 */
public record CallbackPlan(long leadId, long campaignId, String timeZone, Instant due, Long agentId, String note) {

    /** The same callback kept for the agent who took the call it was booked on. */
    public CallbackPlan keptFor(long callAgent) {
        return new CallbackPlan(leadId, campaignId, timeZone, due, callAgent, note);
    }
}
