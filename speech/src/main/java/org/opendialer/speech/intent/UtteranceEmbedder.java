package org.opendialer.speech.intent;

/**
 * Turns an utterance into a sentence embedding: a vector of unit length whose dot product with another's is
 * how alike the two mean (cosine similarity). Implementations are shared by every conversation, so they
 * must be thread-safe; they may load their model on first use.
 */
public interface UtteranceEmbedder {

    /** The unit-length embedding of {@code text} (which is not blank). */
    float[] embed(String text);

    /** Cosine similarity of two unit-length embeddings. */
    static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
