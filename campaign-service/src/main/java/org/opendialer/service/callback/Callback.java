package org.opendialer.service.callback;

import java.time.Instant;

/** A booked callback. {@code agentId} null: any agent may take it. */
public record Callback(long id, long campaignId, long leadId, Long agentId, Instant dueAt, String timeZone,
                       String source, String note, String status) {
}
