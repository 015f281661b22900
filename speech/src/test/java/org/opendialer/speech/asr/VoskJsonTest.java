package org.opendialer.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vosk's results as it writes them (recorded from the small English model), read into recognitions. */
class VoskJsonTest {

    @Test
    void aGrammarResultIsItsTextWithTheWordsMeanConfidence() {
        String json = """
                {
                  "result" : [{
                      "conf" : 1.000000,
                      "end" : 0.87,
                      "start" : 0.45,
                      "word" : "yes"
                    }, {
                      "conf" : 0.500000,
                      "end" : 1.2,
                      "start" : 0.9,
                      "word" : "please"
                    }],
                  "text" : "yes please"
                }""";

        Recognition heard = VoskJson.reading("", json, 12);

        assertThat(heard.text()).isEqualTo("yes please");
        assertThat(heard.confidence()).isEqualTo(0.75);
        assertThat(heard.millis()).isEqualTo(12);
        assertThat(heard.alternatives()).isEmpty();
    }

    @Test
    void anNBestListGivesTheBestReadingAndKeepsTheOthersInOrder() {
        String json = """
                {
                  "alternatives" : [{
                      "confidence" : 219.5,
                      "result" : [],
                      "text" : "call me tomorrow"
                    }, {
                      "confidence" : 217.1,
                      "text" : "call me to morrow"
                    }, {
                      "confidence" : 210.0,
                      "text" : "cold me tomorrow"
                    }]
                }""";

        Recognition heard = VoskJson.reading("well", json, 3);

        assertThat(heard.text()).isEqualTo("well call me tomorrow");
        assertThat(heard.alternatives()).containsExactly("well call me to morrow", "well cold me tomorrow");
        assertThat(heard.confidence()).isEqualTo(0.5);
    }

    @Test
    void aSingleReadingIsTrustedMoreThanOneOfSeveral() {
        Recognition heard = VoskJson.reading("", "{\"alternatives\" : [{\"confidence\" : 100.0, \"text\" : \"no\"}]}", 0);

        assertThat(heard.text()).isEqualTo("no");
        assertThat(heard.confidence()).isEqualTo(0.7);
        assertThat(heard.alternatives()).isEmpty();
    }

    @Test
    void silenceAfterEarlierSegmentsIsWhatTheSegmentsSaid() {
        Recognition heard = VoskJson.reading(" not now ", "{\"text\" : \"\"}", 0);

        assertThat(heard.text()).isEqualTo("not now");
        assertThat(heard.confidence()).isZero();
    }

    @Test
    void aPartialResultIsWhatWasHeardSoFar() {
        assertThat(VoskJson.partial("{\n  \"partial\" : \"who is\"\n}")).isEqualTo("who is");
        assertThat(VoskJson.partial("{\"partial\" : \"\"}")).isEmpty();
    }

    @Test
    void theGrammarIsTheLowerCasePhrasesAndUnknownAsJson() {
        assertThat(VoskJson.grammar(List.of("Yes", "call \"me\" back", "back\\slash")))
                .isEqualTo("[\"yes\",\"call me back\",\"back\\\\slash\",\"[unk]\"]");
    }

    @Test
    void somethingThatIsNotJsonIsRefusedWithWhatItWas() {
        assertThatThrownBy(() -> VoskJson.reading("", "text: yes", 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("text: yes");
    }
}
