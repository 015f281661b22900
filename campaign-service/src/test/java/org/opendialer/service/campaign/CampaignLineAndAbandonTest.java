package org.opendialer.service.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;

/** The telephony, abandon target and abandon window are types once read; the API still reads and writes the same words. */
class CampaignLineAndAbandonTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private Campaign apply(String body) throws Exception {
        return CampaignValidator.apply(CampaignValidator.defaults("Winter"), json.readValue(body, CampaignForm.class), id -> false);
    }

    @Test
    void aNewCampaignDialsSimulatedUnderThreePerCentOverThirtyDays() {
        Campaign campaign = CampaignValidator.defaults("Winter");

        assertThat(campaign.line().telephony()).isEqualTo(TelephonyType.SIMULATED);
        assertThat(campaign.line().simulated()).isTrue();
        assertThat(campaign.abandon().target()).isEqualTo(new AbandonTarget(0.03));
        assertThat(campaign.abandon().window()).isEqualTo(AbandonWindow.THIRTY_DAYS);
        assertThat(campaign.abandon().windowDuration()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void theWordsAreReadInAnyCaseAndWrittenAsBefore() throws Exception {
        Campaign campaign = apply("""
                {"telephony": "asterisk", "abandonWindow": "24h", "abandonTarget": 0.05}""");

        assertThat(campaign.line().onAsterisk()).isTrue();
        assertThat(campaign.abandon().window()).isEqualTo(AbandonWindow.TWENTY_FOUR_HOURS);
        JsonNode node = json.readTree(json.writeValueAsString(campaign));
        assertThat(node.get("telephony").asText()).isEqualTo("ASTERISK");
        assertThat(node.get("abandonWindow").asText()).isEqualTo("24H");
        assertThat(node.get("abandonTarget").isNumber()).isTrue();
        assertThat(node.get("abandonTarget").asDouble()).isEqualTo(0.05);
    }

    @Test
    void unknownWordsAndTargetsOutsideTheCampaignLimitAreRejectedByField() {
        assertThatThrownBy(() -> apply("""
                {"telephony": "SIP", "abandonWindow": "7D", "abandonTarget": 0.06}"""))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("telephony", "abandonWindow", "abandonTarget"));
        assertThatThrownBy(() -> apply("""
                {"abandonTarget": 0}"""))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("abandonTarget"));
    }

    @Test
    void anAbandonTargetIsAShareAboveZeroAndAtMostOne() {
        assertThat(new AbandonTarget(1).withinCampaignLimit()).isFalse();
        assertThat(new AbandonTarget(AbandonTarget.CAMPAIGN_LIMIT).withinCampaignLimit()).isTrue();
        assertThatThrownBy(() -> new AbandonTarget(0)).hasMessageContaining("above 0 and at most 1");
        assertThatThrownBy(() -> new AbandonTarget(1.5)).hasMessageContaining("above 0 and at most 1");
        assertThatThrownBy(() -> new AbandonTarget(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
