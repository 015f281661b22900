package org.opendialer.speech.intent;

/** The intent found in an utterance (null: nothing matched), how sure the tagger is (0-1), and the phrase that matched. */
public record TaggedIntent(Intent intent, double confidence, String phrase) {

    public static final TaggedIntent NO_MATCH = new TaggedIntent(null, 0, null);

    public boolean matched() {
        return intent != null;
    }

    public String name() {
        return intent == null ? "NO_MATCH" : intent.name();
    }
}
