package org.opendialer.engine.telephony;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;

/**
 * One call to place. Ring time is never below 15 s, the legal minimum in the US (FCC) and UK (Ofcom).
 */
public record OriginateRequest(AttemptId attemptId, CampaignId campaignId, PhoneNumber number, String callerId,
                               Duration ringTimeout, boolean detectMachine, boolean record, Map<String, String> variables) {

    public static final Duration MIN_RING_TIMEOUT = Duration.ofSeconds(15);

    public OriginateRequest {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        if (ringTimeout.compareTo(MIN_RING_TIMEOUT) < 0) {
            throw new IllegalArgumentException("ring timeout " + ringTimeout.toSeconds() + " s is below the 15 s minimum");
        }
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
