package org.opendialer.service.campaign;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.dialer.CampaignSettings;
import org.opendialer.engine.dialer.DialerSettings;
import org.opendialer.engine.dialer.MachineAction;

/**
 * A campaign as stored: who is called, how, when, and under which abandon rules, each group of settings its own
 * value (its JSON stays one flat object). Values are checked by {@link CampaignValidator} before a campaign is
 * stored, so a {@code Campaign} read back is always sound. {@link #campaignSettings()} says it in the engine's words,
 * whose {@link CampaignSettings#dialerSettings()} is the one translation into the dialer's settings, live and in
 * simulation alike.
 */
public record Campaign(long id, String name, CampaignStatus status, String statusReason, @JsonUnwrapped Pacing pacing,
                       @JsonUnwrapped CallerLine line, CallingWindow window, @JsonUnwrapped AttemptLimits limits, RetryDelays retry,
                       @JsonUnwrapped AbandonRules abandon, @JsonUnwrapped AmdSettings amd, @JsonUnwrapped RobotSettings robot,
                       ZoneId reportZone, @JsonUnwrapped CampaignSchedule schedule, String gradingWeights, int rowVersion) {

    public CampaignId campaignId() {
        return new CampaignId(id);
    }

    public DialingMode mode() {
        return pacing.mode();
    }

    /** What the engine needs to dial this campaign: the engine's one translation of what the campaign states. */
    public DialerSettings dialerSettings() {
        return campaignSettings().dialerSettings();
    }

    /** This campaign in the engine's words. */
    public CampaignSettings campaignSettings() {
        return new CampaignSettings(campaignId(), line.callerId(), line.ringTimeoutSeconds(), abandon.connectTimeoutMs() / 1000.0,
                abandon.target().share(), abandon.windowDuration(), retry.abandoned(), amd.enabled(), amd.action(),
                amd.falseMachineShare() == null ? Double.NaN : amd.falseMachineShare(), amd.auditShare(), line.recording(),
                mode() == DialingMode.AGENTLESS, pacing.expectedTalkSeconds(), 15, pacing.expectedLiveRate(),
                mode() == DialingMode.POWER ? Math.max(5, pacing.modeFactor()) : 5, robot.robotPorts(), reportZone);
    }

    public Campaign withStatus(CampaignStatus newStatus, String reason) {
        return new Campaign(id, name, newStatus, reason, pacing, line, window, limits, retry, abandon, amd, robot, reportZone,
                schedule, gradingWeights, rowVersion);
    }

    /** This campaign with the call centre's holidays added to its own: no call on any of them. */
    public Campaign withHolidays(Set<LocalDate> centreHolidays) {
        if (centreHolidays.isEmpty()) {
            return this;
        }
        Set<LocalDate> all = new TreeSet<>(window.holidays());
        all.addAll(centreHolidays);
        return new Campaign(id, name, status, statusReason, pacing, line,
                new CallingWindow(window.days(), window.start(), window.end(), all), limits, retry, abandon, amd, robot, reportZone,
                schedule, gradingWeights, rowVersion);
    }

    /** Stored spelling of the machine action ({@code HANGUP}, {@code LEAVE_MESSAGE}, {@code PASS_TO_AGENT}). */
    static String storedAction(MachineAction action) {
        return action == MachineAction.HANG_UP ? "HANGUP" : action.name();
    }

    static MachineAction machineAction(String stored) {
        return "HANGUP".equals(stored) ? MachineAction.HANG_UP : MachineAction.valueOf(stored);
    }
}
