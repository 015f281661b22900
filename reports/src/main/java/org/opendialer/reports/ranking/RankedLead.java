package org.opendialer.reports.ranking;

import org.opendialer.reports.lost.LostVerdict;

/** One lead with what is known about it, its interest score and its customer status. */
public record RankedLead(long leadId, String phone, String firstName, String lastName, String company, String email,
                         String status, String lastDisposition, LeadEvidence evidence, InterestScore interest,
                         LostVerdict lost, String customerSince, String lastPurchase, String churnedAt,
                         String customerStatus) {
}
