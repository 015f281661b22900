package org.opendialer.engine.compliance;

import java.time.Duration;
import java.util.Objects;

/**
 * The abandoned-call rules a campaign dials under.
 *
 * @param abandonTarget   highest share of live answers that may be abandoned (FCC and Ofcom: 3 %)
 * @param window          rolling window the rate is measured over (FCC: 30 days, Ofcom: 24 hours)
 * @param connectDeadline a live answer not connected to an agent within this time is abandoned (2 s)
 * @param redialBan       an abandoned number is not dialled again automatically within this time (72 h)
 */
public record ComplianceSettings(double abandonTarget, Duration window, Duration connectDeadline, Duration redialBan) {

    public static final ComplianceSettings DEFAULT =
            new ComplianceSettings(0.03, Duration.ofDays(30), Duration.ofSeconds(2), Duration.ofHours(72));

    public ComplianceSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(connectDeadline, "connectDeadline");
        Objects.requireNonNull(redialBan, "redialBan");
        if (!(abandonTarget > 0 && abandonTarget < 1)) {
            throw new IllegalArgumentException("abandon target must be between 0 and 1 (exclusive), was " + abandonTarget);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("abandon window must be positive, was " + window);
        }
        if (connectDeadline.isNegative() || connectDeadline.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("connect deadline must be between 0 and 2 s, was " + connectDeadline);
        }
    }

    public ComplianceSettings withTarget(double target) {
        return new ComplianceSettings(target, window, connectDeadline, redialBan);
    }

    public ComplianceSettings withWindow(Duration newWindow) {
        return new ComplianceSettings(abandonTarget, newWindow, connectDeadline, redialBan);
    }
}
