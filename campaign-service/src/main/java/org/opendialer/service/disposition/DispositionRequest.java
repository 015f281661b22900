package org.opendialer.service.disposition;

/**
 * An agent's disposition of one attempt. {@code callbackAt} (for a CALLBACK disposition) is the callee's
 * local date-time ({@code 2026-12-01T15:00}) or an instant with a zone ({@code ...Z});
 * {@code callbackForMe} keeps the callback for the agent who booked it.
 */
public record DispositionRequest(String code, String notes, String callbackAt, Boolean callbackForMe, Long agentId) {
}
