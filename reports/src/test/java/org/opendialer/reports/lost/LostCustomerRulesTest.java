package org.opendialer.reports.lost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LostCustomerRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private final LostCustomerRules rules = LostCustomerRules.standard();

    private static CustomerHistory history(String since, String lastPurchase, String churned, String status, Set<String> said,
                                           int interest) {
        return new CustomerHistory(since == null ? null : LocalDate.parse(since), lastPurchase == null ? null : LocalDate.parse(lastPurchase),
                churned == null ? null : LocalDate.parse(churned), status, said, said.isEmpty() ? null : LocalDate.of(2026, 11, 20), interest);
    }

    @Test
    void aChurnDateMakesALostCustomerSinceThatDate() {
        LostVerdict v = rules.classify(history("2020-12-01", "2025-01-10", "2026-06-01", "cancelled", Set.of(), 0), TODAY);
        assertThat(v.status()).isEqualTo(LostStatus.LOST);
        assertThat(v.since()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(v.reason()).isEqualTo("churned on 2026-06-01");
        // lost 6 months ago: 40 x (1 - 6/24) = 30; 5.5 years a customer: 30 (capped)
        assertThat(v.recoveryPotential()).isEqualTo(60);
    }

    @Test
    void aChineseStatusOrWhatTheCalleeSaidAlsoMarksALoss() {
        assertThat(rules.classify(history("2019-03-01", null, null, "已销户", Set.of(), 0), TODAY).status()).isEqualTo(LostStatus.LOST);
        LostVerdict switched = rules.classify(history("2022-12-01", "2026-10-01", null, "active", Set.of("SWITCHED_PROVIDER", "UNHAPPY"), 50), TODAY);
        assertThat(switched.status()).isEqualTo(LostStatus.LOST);
        assertThat(switched.since()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(switched.reason()).isEqualTo("said they switched provider; unhappy");
        // 0 months: 40; 3.97 years x 6 = 23.8; interest 50 x 0.3 = 15; competitor -10 -> 68.8
        assertThat(switched.recoveryPotential()).isEqualTo(69);
    }

    @Test
    void anUnhappyOrLongSilentCustomerIsAtRisk() {
        assertThat(rules.classify(history("2021-01-01", "2026-11-01", null, "active", Set.of("UNHAPPY"), 0), TODAY).status())
                .isEqualTo(LostStatus.AT_RISK);
        LostVerdict silent = rules.classify(history("2021-01-01", "2026-01-15", null, null, Set.of(), 0), TODAY);
        assertThat(silent.status()).isEqualTo(LostStatus.AT_RISK);
        assertThat(silent.reason()).isEqualTo("no purchase for 320 days");
    }

    @Test
    void customersAndStrangers() {
        assertThat(rules.classify(history("2024-05-01", "2026-10-01", null, "active", Set.of(), 0), TODAY).status())
                .isEqualTo(LostStatus.ACTIVE);
        assertThat(rules.classify(history(null, null, null, "在网", Set.of(), 0), TODAY).status()).isEqualTo(LostStatus.ACTIVE);
        assertThat(rules.classify(history(null, null, null, "prospect", Set.of(), 0), TODAY).status()).isEqualTo(LostStatus.NEVER);
    }

    @Test
    void anOldLossWithShortTenureHasLittlePotential() {
        LostVerdict old = rules.classify(history("2022-01-01", null, "2023-01-01", null, Set.of(), 0), TODAY);
        assertThat(old.recoveryPotential()).isEqualTo(6); // 47 months ago: 0; one year a customer: 6
    }
}
