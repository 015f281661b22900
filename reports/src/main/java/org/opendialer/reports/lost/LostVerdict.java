package org.opendialer.reports.lost;

import java.time.LocalDate;

/** A lead's customer status; for lost customers since when and why, and their recovery potential (0-100). */
public record LostVerdict(LostStatus status, LocalDate since, String reason, int recoveryPotential) {
}
