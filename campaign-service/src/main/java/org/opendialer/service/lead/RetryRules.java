package org.opendialer.service.lead;

import java.time.Instant;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.service.campaign.Campaign;

/**
 * Decides a lead's next step from how its attempt ended: a person who talked to an agent or the robot is
 * done (the agent's disposition may change that), an abandoned callee rests at least 72 h, busy / no
 * answer / machine / failed rest for the campaign's retry delay, an invalid number is done, and a lead
 * that has used all its attempts is exhausted.
 */
public final class RetryRules {

    private RetryRules() {
    }

    public static NextStep after(Campaign campaign, AttemptOutcome outcome, int attemptsMade, Instant now) {
        CallResult result = outcome.result();
        boolean reached = result == CallResult.HUMAN && !outcome.abandoned() && (outcome.agentId() != 0 || outcome.robot());
        if (reached || result == CallResult.INVALID_NUMBER) {
            return new NextStep(LeadStatus.DONE, null);
        }
        if (attemptsMade >= campaign.limits().maxAttempts()) {
            return new NextStep(LeadStatus.EXHAUSTED, null);
        }
        return new NextStep(LeadStatus.RETRY, now.plus(campaign.retry().after(result, outcome.abandoned())));
    }
}
