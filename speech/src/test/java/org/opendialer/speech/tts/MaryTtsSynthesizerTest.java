package org.opendialer.speech.tts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendialer.speech.Audio;

/**
 * MaryTTS runs without its Groovy runtime and with a current ICU (the build keeps its old transitive tree out);
 * these checks would fail if synthesis or its number and date expansion needed what was left out.
 */
class MaryTtsSynthesizerTest {

    private static MaryTtsSynthesizer mary;

    @BeforeAll
    static void start() {
        mary = new MaryTtsSynthesizer();
    }

    @Test
    void speaksAPromptAtTheTelephoneRate() {
        Audio audio = mary.speak("Hello, this is a short call from your energy supplier.", 8_000);

        assertThat(audio.sampleRate()).isEqualTo(8_000);
        assertThat(seconds(audio)).isBetween(1.5, 10.0);
    }

    @Test
    void spellsOutNumbersRatherThanDroppingThem() {
        double without = seconds(mary.speak("Call us today.", 8_000));
        double with = seconds(mary.speak("Call us on 800 555 0100 today.", 8_000));

        // ten digits spoken take well over a second; silently dropped they take nothing
        assertThat(with - without).isGreaterThan(1.5);
    }

    @Test
    void spellsOutAmounts() {
        double without = seconds(mary.speak("The plan costs less.", 8_000));
        double with = seconds(mary.speak("The plan costs 1,250 dollars less.", 8_000));

        assertThat(with - without).isGreaterThan(1.0);
    }

    private static double seconds(Audio audio) {
        return (double) audio.samples() / audio.sampleRate();
    }
}
