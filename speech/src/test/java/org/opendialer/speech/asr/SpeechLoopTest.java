package org.opendialer.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendialer.speech.Audio;
import org.opendialer.speech.tts.MaryTtsSynthesizer;

/** The real audio loop: MaryTTS speaks at telephone quality, Vosk (the model the build fetched) hears it. */
class SpeechLoopTest {

    private static MaryTtsSynthesizer mary;
    private static VoskRecognizer vosk;

    @BeforeAll
    static void load() {
        mary = new MaryTtsSynthesizer();
        vosk = VoskRecognizer.fromConfiguration();
    }

    @AfterAll
    static void close() {
        vosk.close();
    }

    @Test
    void whatTheSynthesizerSaysOnAPhoneLineTheRecognizerHears() {
        Audio phone = mary.speak("yes I am very interested", Audio.TELEPHONE);
        assertThat(phone.sampleRate()).isEqualTo(8000);
        assertThat(phone.seconds()).isBetween(0.8, 4.0);
        Recognition heard = vosk.recognize(phone, List.of());
        assertThat(heard.text()).contains("interested");
        assertThat(heard.confidence()).isGreaterThan(0.5);
    }

    @Test
    void aPhraseListNarrowsWhatCanBeHeard() {
        Audio phone = mary.speak("call me back tomorrow", Audio.TELEPHONE);
        Recognition heard = vosk.recognize(phone, List.of("call me back tomorrow", "not interested", "yes", "no"));
        assertThat(heard.text()).isEqualTo("call me back tomorrow");
    }

    @Test
    void aRecogniserKeptForAPhraseListHearsEachLaterAnswerAfresh() {
        List<String> phrases = List.of("call me back tomorrow", "not interested", "yes", "no");
        Audio first = mary.speak("call me back tomorrow", Audio.TELEPHONE);
        Audio second = mary.speak("not interested", Audio.TELEPHONE);

        assertThat(vosk.recognize(first, phrases).text()).isEqualTo("call me back tomorrow");
        assertThat(vosk.recognize(second, phrases).text()).isEqualTo("not interested");
        try (StreamingRecognition stream = vosk.stream(phrases)) {
            stream.accept(first.pcm());
            assertThat(stream.finish().text()).isEqualTo("call me back tomorrow");
        }
        assertThat(vosk.recognize(second, phrases).text()).isEqualTo("not interested");
    }

    @Test
    void silenceIsHeardAsNothing() {
        Recognition heard = vosk.recognize(new Audio(new byte[16000], Audio.TELEPHONE), List.of());
        assertThat(heard.silent()).isTrue();
    }
}
