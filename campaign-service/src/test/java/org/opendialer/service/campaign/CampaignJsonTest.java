package org.opendialer.service.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campaign's settings are grouped into values in the code; the API still shows one flat object, as pages expect. */
class CampaignJsonTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private CampaignForm form(String body) throws Exception {
        return json.readValue(body, CampaignForm.class);
    }

    @Test
    void theCampaignIsOneFlatObjectWithEverySettingUnderItsOwnName() throws Exception {
        Campaign campaign = CampaignValidator.apply(CampaignValidator.defaults("Winter"),
                form("""
                        {"callerId": "+12125550100", "amdEnabled": true, "abandonTarget": 0.02, "abandonWindow": "24H",
                         "scheduledStart": "2026-12-01T14:00:00Z", "robotPorts": 4}"""),
                id -> false);

        JsonNode node = json.readTree(json.writeValueAsString(campaign));

        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("id", "name", "status", "statusReason", "mode", "modeFactor", "scriptId",
                "callerId", "telephony", "defaultRegion", "window", "maxAttempts", "maxAttemptsPerDay", "retry", "abandonTarget",
                "abandonWindow", "connectTimeoutMs", "ringTimeoutSeconds", "amdEnabled", "amdAction", "recording", "leadOrder",
                "expectedTalkSeconds", "expectedLiveRate", "robotPorts", "trunkLines", "reportZone", "scheduledStart",
                "scheduledStop", "gradingWeights", "amdFalseMachineShare", "amdAuditShare", "rowVersion");
        assertThat(node.get("callerId").asText()).isEqualTo("+12125550100");
        assertThat(node.get("amdEnabled").asBoolean()).isTrue();
        assertThat(node.get("abandonTarget").asDouble()).isEqualTo(0.02);
        assertThat(node.get("abandonWindow").asText()).isEqualTo("24H");
        assertThat(node.get("robotPorts").asInt()).isEqualTo(4);
        assertThat(node.get("mode").asText()).isEqualTo("PREDICTIVE");
    }

    @Test
    void theEngineHearsTheGroupedSettingsAsItDidTheFlatOnes() throws Exception {
        Campaign campaign = CampaignValidator.apply(CampaignValidator.defaults("Winter"),
                form("""
                        {"abandonTarget": 0.02, "abandonWindow": "24H", "connectTimeoutMs": 1500, "ringTimeoutSeconds": 30}"""),
                id -> false);

        Campaign stored = new Campaign(7, campaign.name(), campaign.status(), campaign.statusReason(), campaign.pacing(),
                campaign.line(), campaign.window(), campaign.limits(), campaign.retry(), campaign.abandon(), campaign.amd(),
                campaign.robot(), campaign.reportZone(), campaign.schedule(), campaign.gradingWeights(), 0);

        var settings = stored.campaignSettings();

        assertThat(settings.abandonTarget()).isEqualTo(0.02);
        assertThat(settings.abandonWindow()).hasHours(24);
        assertThat(settings.connectDeadlineSeconds()).isEqualTo(1.5);
        assertThat(settings.ringTimeoutSeconds()).isEqualTo(30);
    }
}
