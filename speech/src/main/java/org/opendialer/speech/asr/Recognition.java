package org.opendialer.speech.asr;

/**
 * What was heard, how sure the recogniser is (0-1), how long recognition took after the audio ended, and the
 * recogniser's next-best readings (best first, without the text itself; may be empty).
 */
public record Recognition(String text, double confidence, long millis, java.util.List<String> alternatives) {

    public Recognition {
        alternatives = alternatives == null ? java.util.List.of() : java.util.List.copyOf(alternatives);
    }

    public Recognition(String text, double confidence, long millis) {
        this(text, confidence, millis, java.util.List.of());
    }

    public boolean silent() {
        return text == null || text.isBlank();
    }
}
