package org.opendialer.service.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** When a scheduled campaign starts and stops by itself; either may be null (none). */
public record CampaignSchedule(@JsonProperty("scheduledStart") Instant start, @JsonProperty("scheduledStop") Instant stop) {
}
