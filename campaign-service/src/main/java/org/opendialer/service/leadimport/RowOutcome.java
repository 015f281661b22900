package org.opendialer.service.leadimport;

import java.time.LocalDate;

/** What one row becomes: a lead to store, or a rejection with its reason. */
public sealed interface RowOutcome {

    long rowNo();

    record LeadRow(long rowNo, String phone, String phoneType, String region, String timeZone, String altPhones,
                   String firstName, String lastName, String email, String company, String attributesJson,
                   LocalDate customerSince, LocalDate lastPurchase, LocalDate churnedAt, String customerStatus, String raw)
            implements RowOutcome {
    }

    record Rejected(long rowNo, String field, String code, String reason, String raw) implements RowOutcome {
    }
}
