package org.opendialer.speech.intent;

/**
 * An in-memory embedder for tests of how the layers combine: each word is a dimension (hashed into 256),
 * so two answers are as alike as the words they share. Deterministic, instant, no model.
 */
final class WordBagEmbedder implements UtteranceEmbedder {

    private static final int DIMENSIONS = 256;

    @Override
    public float[] embed(String text) {
        float[] v = new float[DIMENSIONS];
        for (String word : IntentTagger.words(text)) {
            v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
