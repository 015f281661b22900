package org.opendialer.speech.asr;

/** What was heard, how sure the recogniser is (0-1), and how long recognition took after the audio ended. */
public record Recognition(String text, double confidence, long millis) {

    public boolean silent() {
        return text == null || text.isBlank();
    }
}
