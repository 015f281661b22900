package org.opendialer.service.attempt;

import java.time.Instant;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.LeadId;
import org.opendialer.engine.call.PhoneNumber;

/** The dialer placed a call to a lead: the {@code attemptNo}th to that lead. */
public record AttemptPlaced(AttemptId attempt, CampaignId campaign, LeadId lead, PhoneNumber phone, int attemptNo, Instant at)
        implements AttemptEvent {
}
