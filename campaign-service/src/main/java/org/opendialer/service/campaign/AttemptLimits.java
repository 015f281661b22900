package org.opendialer.service.campaign;

/** How often a lead may be called (in all, and per day in the callee's local day), and in which order leads come. */
public record AttemptLimits(int maxAttempts, int maxAttemptsPerDay, LeadOrder leadOrder) {
}
