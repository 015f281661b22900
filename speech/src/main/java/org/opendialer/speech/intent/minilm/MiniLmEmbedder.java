package org.opendialer.speech.intent.minilm;

import org.opendialer.speech.intent.UtteranceEmbedder;

/**
 * all-MiniLM-L6-v2 (quantised, 384 dimensions), run in-process by ONNX Runtime from the model inside its
 * jar: nothing is downloaded. The model (23 MB, a second or two to load) is loaded once, on the first
 * utterance, by whichever thread asks first; the others wait for it. Each utterance is embedded on the
 * calling thread; ONNX Runtime runs one session for many threads at once.
 */
public final class MiniLmEmbedder implements UtteranceEmbedder {

    private static final MiniLmEmbedder SHARED = new MiniLmEmbedder();

    private volatile OneThreadMiniLm model;
    private volatile long loadMillis = -1;

    private MiniLmEmbedder() {
    }

    /** The one embedder of the process (one model in memory however many robots run). */
    public static MiniLmEmbedder shared() {
        return SHARED;
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    /** Loads the model now (a robot about to take calls need not make its first callee wait for it). */
    public void load() {
        model();
    }

    /** How long loading the model took, -1 before it is loaded. */
    public long loadMillis() {
        return loadMillis;
    }

    private OneThreadMiniLm model() {
        OneThreadMiniLm m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    long start = System.nanoTime();
                    m = new OneThreadMiniLm();
                    loadMillis = (System.nanoTime() - start) / 1_000_000;
                    model = m;
                }
            }
        }
        return m;
    }
}
