package org.opendialer.speech.intent.minilm;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.opendialer.speech.intent.UtteranceEmbedder;

/**
 * all-MiniLM-L6-v2 (quantised, 384 dimensions), run in-process by ONNX Runtime from the model inside its
 * jar: nothing is downloaded. The model (23 MB, about half a second to load) is loaded once, on the first
 * utterance, by whichever thread asks first; the others wait for it. ONNX Runtime sessions run concurrently.
 */
public final class MiniLmEmbedder implements UtteranceEmbedder {

    private static final MiniLmEmbedder SHARED = new MiniLmEmbedder();

    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;
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

    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    long start = System.nanoTime();
                    // the model's own executor only splits batches; one utterance runs on the caller's thread
                    m = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
                    loadMillis = (System.nanoTime() - start) / 1_000_000;
                    model = m;
                }
            }
        }
        return m;
    }
}
