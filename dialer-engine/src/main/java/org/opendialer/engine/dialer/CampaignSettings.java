package org.opendialer.engine.dialer;

import java.time.Duration;
import java.time.ZoneId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.compliance.AmdAuditSettings;
import org.opendialer.engine.compliance.ComplianceSettings;
import org.opendialer.engine.pacing.PacingSettings;

/**
 * What a campaign states, in the manager's words, and the one translation of it into the engine's settings:
 * the service's stored campaigns ({@code serve}, {@code demo}) and the simulator's scenarios ({@code simulate})
 * both go through {@link #dialerSettings()}, so a figure measured in the simulator holds in production.
 *
 * @param amdFalseMachineShare share of people machine detection takes for a machine, as the campaign states it;
 *                             NaN when unknown (the AMD audit measures it)
 * @param amdAuditShare        share of MACHINE verdicts passed to an agent to be marked person or machine
 * @param maxLinesPerAgent     lines one staffed agent may have in progress at most
 */
public record CampaignSettings(CampaignId campaignId, String callerId, double ringTimeoutSeconds,
                               double connectDeadlineSeconds, double abandonTarget, Duration abandonWindow,
                               Duration redialBan, boolean detectMachines, MachineAction machineAction,
                               double amdFalseMachineShare, double amdAuditShare, boolean recording, boolean agentless,
                               double expectedTalkSeconds, double expectedWrapSeconds, double expectedLiveRate,
                               double maxLinesPerAgent, int robotPorts, ZoneId zone) {

    /** The engine's settings for this campaign. */
    public DialerSettings dialerSettings() {
        ComplianceSettings compliance = new ComplianceSettings(abandonTarget, abandonWindow,
                Duration.ofMillis(Math.round(connectDeadlineSeconds * 1000)),
                redialBan.compareTo(Duration.ofHours(72)) < 0 ? Duration.ofHours(72) : redialBan);
        // without an audit, a stated share is what detection is taken to lose; the audit, once it has data, replaces it
        double stated = detectMachines && machineAction != MachineAction.PASS_TO_AGENT && !Double.isNaN(amdFalseMachineShare)
                ? Math.min(amdFalseMachineShare, abandonTarget * MachineDetectionAccounting.HIDDEN_SHARE_OF_TARGET_AT_MOST) : 0;
        PacingSettings pacing = new PacingSettings(expectedTalkSeconds, expectedWrapSeconds, expectedLiveRate,
                ringTimeoutSeconds, connectDeadlineSeconds, abandonTarget, stated, maxLinesPerAgent, robotPorts);
        AmdAuditSettings audit = detectMachines ? new AmdAuditSettings(amdAuditShare, amdFalseMachineShare) : AmdAuditSettings.NONE;
        return new DialerSettings(campaignId, callerId, Duration.ofMillis(Math.round(ringTimeoutSeconds * 1000)),
                detectMachines, machineAction, recording, agentless, compliance, pacing, zone, audit);
    }
}
