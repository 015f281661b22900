package org.opendialer.service.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.dialer.CampaignSettings;
import org.opendialer.engine.dialer.DialerSettings;
import org.opendialer.engine.dialer.MachineAction;

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
                       Double amdFalseMachineShare, double amdAuditShare, int rowVersion) {

    public CampaignId campaignId() {
        return new CampaignId(id);
    }

    public Duration abandonWindowDuration() {
        return "24H".equals(abandonWindow) ? Duration.ofHours(24) : Duration.ofDays(30);
    }

    /** What the engine needs to dial this campaign: the engine's one translation of what the campaign states. */
    public DialerSettings dialerSettings() {
        return campaignSettings().dialerSettings();
    }

    /** This campaign in the engine's words. */
    public CampaignSettings campaignSettings() {
        return new CampaignSettings(campaignId(), callerId, ringTimeoutSeconds, connectTimeoutMs / 1000.0, abandonTarget,
                abandonWindowDuration(), retry.abandoned(), amdEnabled, amdAction,
                amdFalseMachineShare == null ? Double.NaN : amdFalseMachineShare, amdAuditShare, recording,
                mode == DialingMode.AGENTLESS, expectedTalkSeconds, 15, expectedLiveRate,
                mode == DialingMode.POWER ? Math.max(5, modeFactor) : 5, robotPorts, reportZone);
    }

    public Campaign withStatus(CampaignStatus newStatus, String reason) {
        return new Campaign(id, name, newStatus, reason, mode, modeFactor, scriptId, callerId, telephony, defaultRegion,
                window, maxAttempts, maxAttemptsPerDay, retry, abandonTarget, abandonWindow, connectTimeoutMs,
                ringTimeoutSeconds, amdEnabled, amdAction, recording, leadOrder, expectedTalkSeconds, expectedLiveRate,
                robotPorts, trunkLines, reportZone, scheduledStart, scheduledStop, gradingWeights, amdFalseMachineShare,
                amdAuditShare, rowVersion);
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
                gradingWeights, amdFalseMachineShare, amdAuditShare, rowVersion);
    }

    /** Stored spelling of the machine action ({@code HANGUP}, {@code LEAVE_MESSAGE}, {@code PASS_TO_AGENT}). */
    static String storedAction(MachineAction action) {
        return action == MachineAction.HANG_UP ? "HANGUP" : action.name();
    }

    static MachineAction machineAction(String stored) {
        return "HANGUP".equals(stored) ? MachineAction.HANG_UP : MachineAction.valueOf(stored);
    }
}
