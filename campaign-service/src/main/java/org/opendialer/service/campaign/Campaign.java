package org.opendialer.service.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.compliance.ComplianceSettings;
import org.opendialer.engine.dialer.DialerSettings;
import org.opendialer.engine.dialer.MachineAction;
import org.opendialer.engine.pacing.PacingSettings;

/**
 * A campaign as stored: who is called, how, when, and under which abandon rules. Values are checked by
 * {@link CampaignValidator} before a campaign is stored, so a {@code Campaign} read back is always sound.
 */
public record Campaign(long id, String name, CampaignStatus status, String statusReason, DialingMode mode,
                       double modeFactor, Long scriptId, String callerId, String telephony, String defaultRegion,
                       CallingWindow window, int maxAttempts, int maxAttemptsPerDay, RetryDelays retry,
                       double abandonTarget, String abandonWindow, int connectTimeoutMs, int ringTimeoutSeconds,
                       boolean amdEnabled, MachineAction amdAction, boolean recording, LeadOrder leadOrder,
                       int expectedTalkSeconds, double expectedLiveRate, int robotPorts, int trunkLines,
                       ZoneId reportZone, Instant scheduledStart, Instant scheduledStop, String gradingWeights,
                       int rowVersion) {

    public CampaignId campaignId() {
        return new CampaignId(id);
    }

    public Duration abandonWindowDuration() {
        return "24H".equals(abandonWindow) ? Duration.ofHours(24) : Duration.ofDays(30);
    }

    /** What the engine needs to dial this campaign. */
    public DialerSettings dialerSettings() {
        ComplianceSettings compliance = new ComplianceSettings(abandonTarget, abandonWindowDuration(),
                Duration.ofMillis(connectTimeoutMs), retry.abandoned().compareTo(Duration.ofHours(72)) < 0
                        ? Duration.ofHours(72) : retry.abandoned());
        PacingSettings pacing = new PacingSettings(expectedTalkSeconds, 15, expectedLiveRate, ringTimeoutSeconds,
                connectTimeoutMs / 1000.0, abandonTarget, 0, mode == DialingMode.POWER ? Math.max(5, modeFactor) : 5,
                robotPorts);
        return new DialerSettings(campaignId(), callerId, Duration.ofSeconds(ringTimeoutSeconds), amdEnabled,
                amdAction, recording, mode == DialingMode.AGENTLESS, compliance, pacing, reportZone);
    }

    public Campaign withStatus(CampaignStatus newStatus, String reason) {
        return new Campaign(id, name, newStatus, reason, mode, modeFactor, scriptId, callerId, telephony, defaultRegion,
                window, maxAttempts, maxAttemptsPerDay, retry, abandonTarget, abandonWindow, connectTimeoutMs,
                ringTimeoutSeconds, amdEnabled, amdAction, recording, leadOrder, expectedTalkSeconds, expectedLiveRate,
                robotPorts, trunkLines, reportZone, scheduledStart, scheduledStop, gradingWeights, rowVersion);
    }

    /** This campaign with the call centre's holidays added to its own: no call on any of them. */
    public Campaign withHolidays(java.util.Set<java.time.LocalDate> centreHolidays) {
        if (centreHolidays.isEmpty()) {
            return this;
        }
        java.util.Set<java.time.LocalDate> all = new java.util.TreeSet<>(window.holidays());
        all.addAll(centreHolidays);
        return new Campaign(id, name, status, statusReason, mode, modeFactor, scriptId, callerId, telephony, defaultRegion,
                new CallingWindow(window.days(), window.start(), window.end(), all), maxAttempts, maxAttemptsPerDay, retry,
                abandonTarget, abandonWindow, connectTimeoutMs, ringTimeoutSeconds, amdEnabled, amdAction, recording, leadOrder,
                expectedTalkSeconds, expectedLiveRate, robotPorts, trunkLines, reportZone, scheduledStart, scheduledStop,
                gradingWeights, rowVersion);
    }

    /** Stored spelling of the machine action ({@code HANGUP}, {@code LEAVE_MESSAGE}, {@code PASS_TO_AGENT}). */
    static String storedAction(MachineAction action) {
        return action == MachineAction.HANG_UP ? "HANGUP" : action.name();
    }

    static MachineAction machineAction(String stored) {
        return "HANGUP".equals(stored) ? MachineAction.HANG_UP : MachineAction.valueOf(stored);
    }
}
