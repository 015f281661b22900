package org.opendialer.speech.intent;

/**
 * What a callee's utterance means: a built-in intent, one the current node declares, or no match.
 * Implementations are immutable once built and may be shared by threads.
 */
public interface IntentModel {

    TaggedIntent tag(String utterance);
}
