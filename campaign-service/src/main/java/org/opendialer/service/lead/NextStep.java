package org.opendialer.service.lead;

import java.time.Instant;

/** What becomes of a lead after an attempt: its new status and, when it is to be tried again, from when. */
public record NextStep(LeadStatus status, Instant notBefore) {
}
