package org.opendialer.speech.intent;

/**
 * The intent found in an utterance, how sure the tagger is (0-1), what it matched, and on what basis.
 *
 * @param label  the intent's name: a built-in intent or one a script's node declares (null: nothing matched)
 * @param intent the built-in intent, null for a node's own intent or no match
 * @param phrase the phrase (rules) or the nearest example (embeddings) that decided
 */
public record TaggedIntent(String label, Intent intent, double confidence, String phrase, Basis basis) {

    /** What decided the intent. */
    public enum Basis {
        /** A phrase rule matched (a built-in phrase or an example, as a run of words). */
        PHRASE,
        /** A phrase of interest the answer negates ("not really interested"): disinterest, whatever else is near. */
        NEGATED_PHRASE,
        /** The utterance means much the same as a known example (sentence embeddings). */
        EXAMPLE,
        NONE
    }

    public static final TaggedIntent NO_MATCH = new TaggedIntent(null, null, 0, null, Basis.NONE);

    public TaggedIntent {
        if (intent != null && !intent.name().equals(label)) {
            throw new IllegalArgumentException("label " + label + " is not the built-in intent " + intent);
        }
    }

    /** A built-in intent found by the phrase rules. */
    public TaggedIntent(Intent intent, double confidence, String phrase) {
        this(intent.name(), intent, confidence, phrase, Basis.PHRASE);
    }

    /** {@code label} as a tagged intent: built-in when it names one, else a node's own. */
    public static TaggedIntent of(String label, double confidence, String phrase, Basis basis) {
        return new TaggedIntent(label, Intent.named(label), confidence, phrase, basis);
    }

    public boolean matched() {
        return label != null;
    }

    public String name() {
        return label == null ? "NO_MATCH" : label;
    }
}
