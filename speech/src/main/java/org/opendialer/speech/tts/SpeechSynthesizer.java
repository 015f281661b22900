package org.opendialer.speech.tts;

import org.opendialer.speech.Audio;

/**
 * Turns text into speech. Implementations must be thread-safe: several conversations speak at once.
 */
public interface SpeechSynthesizer {

    /** {@code text} spoken by the configured voice, at {@code sampleRate} (8 kHz for calls, 16 kHz for recognition). */
    Audio speak(String text, int sampleRate);

    /** Names the voice, so cached prompts of different voices never mix. */
    String voice();
}
