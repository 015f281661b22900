package org.opendialer.reports.lost;

import java.time.LocalDate;
import java.util.Set;

/**
 * What is known about a lead as a customer: the imported history columns and the intents the callee
 * expressed ({@code SWITCHED_PROVIDER}, {@code CANCELLED}, {@code UNHAPPY}), with the date of the call.
 */
public record CustomerHistory(LocalDate customerSince, LocalDate lastPurchase, LocalDate churnedAt, String status,
                              Set<String> saidIntents, LocalDate saidOn, int interestScore) {

    public CustomerHistory {
        saidIntents = saidIntents == null ? Set.of() : Set.copyOf(saidIntents);
    }
}
