package org.opendialer.service.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;

class CampaignPromptsTest {

    @Test
    void blankTextsLeaveTheSharedRecordingsAndTextsAreTrimmed() {
        CampaignPrompts prompts = new CampaignPrompts("  ", "  Please call us back.  ");
        assertThat(prompts.safeHarbour()).isNull();
        assertThat(prompts.message()).isEqualTo("Please call us back.");
    }

    @Test
    void aTextTooLongWithoutWordsOrWithControlCharactersIsRefusedNamingItsField() {
        assertThatThrownBy(() -> new CampaignPrompts("x".repeat(1001), "555 0100 \t"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("safeHarbour", "message"))
                .hasMessageContaining("at most 1000 characters (it has 1001)");
        assertThatThrownBy(() -> new CampaignPrompts("Hello\u0007", null)).hasMessageContaining("control characters");
    }
}
