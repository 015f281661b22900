package org.opendialer.reports.lost;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies a lead as an active customer, at risk, lost (since when and why) or never a customer.
 *
 * <ul>
 *   <li>Lost: a churn or cancellation date, a status saying so ({@code cancelled}, {@code churned},
 *       {@code lost}, {@code inactive}, 流失, 销户, 退订, 已取消), or the callee saying they switched provider or
 *       cancelled. The earliest known date is "since".</li>
 *   <li>At risk: a customer who said they are unhappy, or whose last purchase is older than
 *       {@link #atRiskAfterDays} days.</li>
 *   <li>Active: any other sign of being a customer (since date, purchase, active status).</li>
 *   <li>Never a customer: no sign at all.</li>
 * </ul>
 * Recovery potential ranks the win-back list: a recent loss, a long tenure and interest shown on the call
 * raise it; a customer who switched to a competitor is harder to win back than one who just lapsed.
 */
public final class LostCustomerRules {

    private static final Set<String> LOST_WORDS = Set.of("cancelled", "canceled", "churned", "lost", "inactive", "terminated",
            "closed", "lapsed", "流失", "销户", "已销户", "退订", "已退订", "已取消", "取消");
    private static final Set<String> ACTIVE_WORDS = Set.of("active", "customer", "current", "subscribed", "在网", "正常", "有效", "活跃");

    private final int atRiskAfterDays;

    public LostCustomerRules(int atRiskAfterDays) {
        this.atRiskAfterDays = atRiskAfterDays;
    }

    public static LostCustomerRules standard() {
        return new LostCustomerRules(180);
    }

    public LostVerdict classify(CustomerHistory h, LocalDate today) {
        String status = h.status() == null ? "" : h.status().trim().toLowerCase(Locale.ROOT);
        boolean switched = h.saidIntents().contains("SWITCHED_PROVIDER");
        boolean cancelledSaid = h.saidIntents().contains("CANCELLED");
        boolean statusLost = LOST_WORDS.contains(status);
        if (h.churnedAt() != null || statusLost || switched || cancelledSaid) {
            LocalDate since = earliest(h.churnedAt(), (switched || cancelledSaid) ? h.saidOn() : null);
            String why = h.churnedAt() != null ? "churned on " + h.churnedAt()
                    : statusLost ? "status '" + h.status().trim() + "'" : "";
            if (switched) {
                why = join(why, "said they switched provider");
            } else if (cancelledSaid) {
                why = join(why, "said they cancelled");
            }
            if (h.saidIntents().contains("UNHAPPY")) {
                why = join(why, "unhappy");
            }
            return new LostVerdict(LostStatus.LOST, since, why, potential(h, since, today, switched));
        }
        boolean customer = h.customerSince() != null || h.lastPurchase() != null || ACTIVE_WORDS.contains(status);
        if (!customer) {
            return new LostVerdict(LostStatus.NEVER, null, "no customer history", 0);
        }
        if (h.saidIntents().contains("UNHAPPY")) {
            return new LostVerdict(LostStatus.AT_RISK, h.saidOn(), "customer said they are unhappy", 0);
        }
        if (h.lastPurchase() != null && ChronoUnit.DAYS.between(h.lastPurchase(), today) > atRiskAfterDays) {
            return new LostVerdict(LostStatus.AT_RISK, h.lastPurchase(),
                    "no purchase for " + ChronoUnit.DAYS.between(h.lastPurchase(), today) + " days", 0);
        }
        return new LostVerdict(LostStatus.ACTIVE, h.customerSince(), "customer", 0);
    }

    private static int potential(CustomerHistory h, LocalDate since, LocalDate today, boolean switched) {
        double p = 0;
        if (since != null) {
            long months = Math.max(0, ChronoUnit.MONTHS.between(since, today));
            p += 40 * Math.max(0, 1 - months / 24.0);              // lost recently: still remembers us
        }
        if (h.customerSince() != null) {
            LocalDate end = since != null ? since : today;
            double years = Math.max(0, ChronoUnit.DAYS.between(h.customerSince(), end) / 365.25);
            p += Math.min(30, years * 6);                          // five years or more: full tenure share
        }
        p += 0.3 * Math.max(0, Math.min(100, h.interestScore()));  // interest shown on our calls
        if (switched) {
            p -= 10;
        }
        return (int) Math.round(Math.max(0, Math.min(100, p)));
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
