package org.opendialer.speech.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendialer.speech.Audio;
import org.opendialer.speech.asr.Recognition;
import org.opendialer.speech.asr.SpeechRecognizer;
import org.opendialer.speech.intent.IntentModels;

/** How an answer is heard: with the examples' phrase list first, freely only when that list misses words. */
class HearingTest {

    /** A recogniser that reads from a script: what it hears with a phrase list, and what it hears freely. */
    private static final class ScriptedEars implements SpeechRecognizer {
        private final String withList;
        private final String freely;
        final List<List<String>> asked = new ArrayList<>();

        ScriptedEars(String withList, String freely) {
            this.withList = withList;
            this.freely = freely;
        }

        @Override
        public Recognition recognize(Audio audio, List<String> phrases) {
            asked.add(phrases);
            return new Recognition(phrases.isEmpty() ? freely : withList, 0.8, 5);
        }
    }

    private static final Audio SPOKEN = loud();
    private static final Audio SILENT = new Audio(new byte[8000], Audio.TELEPHONE);

    private static Audio loud() {
        byte[] pcm = new byte[8000];
        for (int i = 0; i < pcm.length; i += 2) {
            short s = (short) (i % 40 < 20 ? 8000 : -8000);
            pcm[i] = (byte) s;
            pcm[i + 1] = (byte) (s >> 8);
        }
        return new Audio(pcm, Audio.TELEPHONE);
    }

    private static Hearing hearing(ScriptedEars ears, List<List<String>> scriptExamples) {
        return new Hearing(ears, IntentModels.rulesOnly().model(Map.of()), scriptExamples);
    }

    @Test
    void anAnswerIsHeardWithTheIntentsPhrasesTheBuiltInAndTheScriptsExamplesAsItsPhraseList() {
        ScriptedEars ears = new ScriptedEars("call me back tomorrow", "call meal back to mara");

        Hearing.Heard heard = hearing(ears, List.of(List.of("the Gold plan, please"))).hear(SPOKEN, List.of());

        assertThat(heard.intent().name()).isEqualTo("CALLBACK_LATER");
        assertThat(ears.asked).hasSize(1);
        assertThat(ears.asked.get(0)).contains("call me back", "the gold plan please", "remove me from your list")
                .as("a built-in example answer").contains("yes i have a minute");
    }

    @Test
    void wordsOutsideEveryExampleAreHeardAgainFreely() {
        ScriptedEars ears = new ScriptedEars("[unk] [unk]", "i switched to another provider");

        Hearing.Heard heard = hearing(ears, List.of()).hear(SPOKEN, List.of());

        assertThat(ears.asked).hasSize(2);
        assertThat(ears.asked.get(1)).isEmpty();
        assertThat(heard.recognition().text()).isEqualTo("i switched to another provider");
        assertThat(heard.intent().name()).isEqualTo("SWITCHED_PROVIDER");
    }

    @Test
    void aSureReadingWithAnUnknownWordIsNotHeardAgain() {
        ScriptedEars ears = new ScriptedEars("[unk] not interested", "never mind");

        Hearing.Heard heard = hearing(ears, List.of()).hear(SPOKEN, List.of());

        assertThat(ears.asked).hasSize(1);
        assertThat(heard.recognition().text()).isEqualTo("not interested");
        assertThat(heard.intent().name()).isEqualTo("NOT_INTERESTED");
    }

    @Test
    void silenceIsNotRecognisedTwice() {
        ScriptedEars ears = new ScriptedEars("", "");

        Hearing.Heard heard = hearing(ears, List.of()).hear(SILENT, List.of());

        assertThat(ears.asked).hasSize(1);
        assertThat(heard.recognition().silent()).isTrue();
    }

    @Test
    void aNodeWithItsOwnPhraseListIsHeardWithThatListAlone() {
        ScriptedEars ears = new ScriptedEars("[unk]", "yes");

        Hearing.Heard heard = hearing(ears, List.of()).hear(SPOKEN, List.of("gold", "silver"));

        assertThat(ears.asked).containsExactly(List.of("gold", "silver"));
        assertThat(heard.intent().matched()).isFalse();
    }
}
