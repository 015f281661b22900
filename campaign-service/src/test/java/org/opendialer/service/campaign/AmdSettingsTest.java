package org.opendialer.service.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opendialer.engine.dialer.DialerSettings;
import org.opendialer.engine.dialer.MachineAction;
import org.opendialer.service.web.InvalidRequestException;

/** The campaign's AMD accounting settings: checked, and carried into the engine by the one translation. */
class AmdSettingsTest {

    static CampaignForm amd(Boolean enabled, String action, Double falseMachine, Double audit) {
        CampaignForm named = CampaignForm.named("amd");
        return new CampaignForm(named.name(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, enabled, action, null, null, null, null, null, null, null,
                null, null, null, falseMachine, audit);
    }

    /** A new campaign's defaults, as stored under id 7. */
    static Campaign stored() {
        Campaign d = CampaignValidator.defaults("amd");
        return new Campaign(7, d.name(), d.status(), d.statusReason(), d.pacing(), d.line(), d.window(), d.limits(), d.retry(),
                d.abandon(), d.amd(), d.robot(), d.reportZone(), d.schedule(), d.gradingWeights(), 0);
    }

    static Campaign apply(CampaignForm form) {
        return CampaignValidator.apply(stored(), form, id -> false);
    }

    @Test
    void aNewCampaignAuditsOneMachineVerdictInFiftyAndDoesNotKnowHowOftenDetectionIsWrong() {
        Campaign campaign = apply(amd(true, "HANGUP", null, null));
        assertThat(campaign.amd().auditShare()).isEqualTo(0.02);
        assertThat(campaign.amd().falseMachineShare()).isNull();

        DialerSettings settings = campaign.dialerSettings();
        assertThat(settings.detectMachines()).isTrue();
        assertThat(settings.amdAudit().auditShare()).isEqualTo(0.02);
        assertThat(settings.amdAudit().toldShareKnown()).isFalse();
        assertThat(settings.pacing().hiddenAbandonRate()).isZero();
    }

    @Test
    void aStatedShareIsWhatDetectionIsTakenToLoseUntilTheAuditMeasuresIt() {
        DialerSettings settings = apply(amd(true, "HANGUP", 0.012, 0.05)).dialerSettings();
        assertThat(settings.amdAudit().toldFalseMachineShare()).isEqualTo(0.012);
        assertThat(settings.amdAudit().auditShare()).isEqualTo(0.05);
        assertThat(settings.pacing().hiddenAbandonRate()).isEqualTo(0.012);
        // machines passed to agents hang up on nobody
        assertThat(apply(amd(true, "PASS_TO_AGENT", 0.012, null)).dialerSettings().pacing().hiddenAbandonRate()).isZero();
        assertThat(apply(amd(true, "PASS_TO_AGENT", 0.012, null)).dialerSettings().machineAction())
                .isEqualTo(MachineAction.PASS_TO_AGENT);
    }

    @Test
    void aStatedShareCanBeClearedBackToUnknown() {
        Campaign stated = apply(amd(true, "HANGUP", 0.01, null));
        Campaign cleared = CampaignValidator.apply(stated, amd(null, null, -1.0, null), id -> false);
        assertThat(cleared.amd().falseMachineShare()).isNull();
    }

    @Test
    void sharesOutOfRangeAreRefusedNamingTheField() {
        assertThatThrownBy(() -> apply(amd(true, "HANGUP", 0.7, null))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("amdFalseMachineShare: a share between 0 and 0.5");
        assertThatThrownBy(() -> apply(amd(true, "HANGUP", null, 1.5))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("amdAuditShare: a share between 0 and 1");
        assertThatThrownBy(() -> apply(amd(true, "HANGUP", Double.NaN, Double.NaN))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("amdFalseMachineShare").hasMessageContaining("amdAuditShare");
    }
}
