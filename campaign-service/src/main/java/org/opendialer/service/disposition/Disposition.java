package org.opendialer.service.disposition;

/** One disposition a campaign offers, with its effect on the lead: FINAL, RETRY, DNC or CALLBACK. */
public record Disposition(String code, String label, String effect, boolean sale) {
}
