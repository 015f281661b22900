package org.opendialer.engine.dialer;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.compliance.AmdAuditSettings;
import org.opendialer.engine.compliance.ComplianceSettings;
import org.opendialer.engine.pacing.PacingSettings;
import org.opendialer.engine.telephony.OriginateRequest;

/**
 * How one campaign dials: caller id, ring time, answering-machine handling, recording, the abandoned-call
 * rules and what pacing is told in advance.
 *
 * @param zone time zone the campaign's "today" is counted in (abandon rate today)
 * @param amdAudit how the people machine detection hangs up on are accounted for
 */
public record DialerSettings(CampaignId campaignId, String callerId, Duration ringTimeout, boolean detectMachines,
                             MachineAction machineAction, boolean record, boolean robotTakesAnswers,
                             ComplianceSettings compliance, PacingSettings pacing, ZoneId zone, AmdAuditSettings amdAudit) {

    /** Without an AMD audit: what the pacing settings state is taken as AMD's hidden abandons. */
    public DialerSettings(CampaignId campaignId, String callerId, Duration ringTimeout, boolean detectMachines,
                          MachineAction machineAction, boolean record, boolean robotTakesAnswers,
                          ComplianceSettings compliance, PacingSettings pacing, ZoneId zone) {
        this(campaignId, callerId, ringTimeout, detectMachines, machineAction, record, robotTakesAnswers, compliance, pacing,
                zone, AmdAuditSettings.NONE);
    }

    public DialerSettings {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(machineAction, "machineAction");
        Objects.requireNonNull(compliance, "compliance");
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(amdAudit, "amdAudit");
        if (ringTimeout.compareTo(OriginateRequest.MIN_RING_TIMEOUT) < 0) {
            throw new IllegalArgumentException("ring timeout " + ringTimeout.toSeconds() + " s is below the 15 s minimum");
        }
    }

    /** Defaults a professional dialer would start from: 22 s ring, no AMD, 3 % over 30 days, 2 s rule. */
    public static DialerSettings defaults(CampaignId campaignId) {
        return new DialerSettings(campaignId, null, Duration.ofSeconds(22), false, MachineAction.HANG_UP, false, false,
                ComplianceSettings.DEFAULT, PacingSettings.defaults(), ZoneId.of("UTC"));
    }

    public DialerSettings withPacing(PacingSettings newPacing) {
        return new DialerSettings(campaignId, callerId, ringTimeout, detectMachines, machineAction, record,
                robotTakesAnswers, compliance, newPacing, zone, amdAudit);
    }

    public DialerSettings withMachineDetection(boolean detect, MachineAction action) {
        return new DialerSettings(campaignId, callerId, ringTimeout, detect, action, record, robotTakesAnswers,
                compliance, pacing, zone, amdAudit);
    }

    public DialerSettings withRobotTakingAnswers(boolean robot) {
        return new DialerSettings(campaignId, callerId, ringTimeout, detectMachines, machineAction, record, robot,
                compliance, pacing, zone, amdAudit);
    }

    public DialerSettings withCompliance(ComplianceSettings newCompliance) {
        return new DialerSettings(campaignId, callerId, ringTimeout, detectMachines, machineAction, record,
                robotTakesAnswers, newCompliance, pacing, zone, amdAudit);
    }

    public DialerSettings withZone(ZoneId newZone) {
        return new DialerSettings(campaignId, callerId, ringTimeout, detectMachines, machineAction, record,
                robotTakesAnswers, compliance, pacing, newZone, amdAudit);
    }

    public DialerSettings withRingTimeout(Duration newRingTimeout) {
        return new DialerSettings(campaignId, callerId, newRingTimeout, detectMachines, machineAction, record,
                robotTakesAnswers, compliance, pacing, zone, amdAudit);
    }

    public DialerSettings withAmdAudit(AmdAuditSettings audit) {
        return new DialerSettings(campaignId, callerId, ringTimeout, detectMachines, machineAction, record,
                robotTakesAnswers, compliance, pacing, zone, audit);
    }
}
