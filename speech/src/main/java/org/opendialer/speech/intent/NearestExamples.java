package org.opendialer.speech.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedding layer: finds the intent whose example utterances an utterance means most nearly the same
 * as. Each intent scores the mean cosine similarity of its {@value #K} nearest examples to the utterance
 * (one stray example does not carry an intent); the best score wins, with its nearest example as the phrase.
 * Examples labelled {@value #NONE} stand for answers that mean no intent: nearest to them is no match.
 */
public final class NearestExamples implements IntentModel {

    static final int K = 2;
    /** The label of examples that mean no intent: questions back, greetings, asides. */
    public static final String NONE = "NO_MATCH";

    /** One example utterance of an intent, embedded. */
    public record Example(String label, String text, float[] vector) {
    }

    private final UtteranceEmbedder embedder;
    private final List<Example> examples;
    private final int k;
    private final Map<String, Integer> counts = new HashMap<>();

    public NearestExamples(UtteranceEmbedder embedder, List<Example> examples) {
        this(embedder, examples, K);
    }

    NearestExamples(UtteranceEmbedder embedder, List<Example> examples, int k) {
        this.embedder = embedder;
        this.examples = List.copyOf(examples);
        this.k = k;
        for (Example e : this.examples) {
            counts.merge(e.label(), 1, Integer::sum);
        }
    }

    private int count(String label) {
        return Math.min(k, counts.get(label));
    }

    /** Keeps {@code top} (descending) the {@code k} largest similarities seen. */
    private static void insert(double[] top, double s) {
        for (int i = 0; i < top.length; i++) {
            if (s > top[i]) {
                System.arraycopy(top, i, top, i + 1, top.length - i - 1);
                top[i] = s;
                return;
            }
        }
    }

    private double[] empty() {
        double[] top = new double[k];
        Arrays.fill(top, -2); // below any cosine similarity
        return top;
    }

    private static double mean(double[] top, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += top[i];
        }
        return sum / n;
    }

    /** The best intent with its score as the confidence; no match only when there are no examples. */
    @Override
    public TaggedIntent tag(String utterance) {
        if (examples.isEmpty() || utterance == null || utterance.isBlank()) {
            return TaggedIntent.NO_MATCH;
        }
        float[] said = embedder.embed(utterance);
        Map<String, double[]> nearestByLabel = new HashMap<>();
        Map<String, String> nearestText = new HashMap<>();
        for (Example e : examples) {
            double s = UtteranceEmbedder.similarity(said, e.vector());
            double[] top = nearestByLabel.computeIfAbsent(e.label(), l -> empty());
            if (s > top[0]) {
                nearestText.put(e.label(), e.text());
            }
            insert(top, s);
        }
        String best = null;
        double bestScore = -1;
        for (Map.Entry<String, double[]> entry : nearestByLabel.entrySet()) {
            double score = mean(entry.getValue(), count(entry.getKey()));
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        double confidence = Math.round(Math.max(0, bestScore) * 1000) / 1000.0;
        if (best.equals(NONE)) { // nearest to "no intent": unmatched, but with how sure and why
            return new TaggedIntent(null, null, confidence, nearestText.get(best), TaggedIntent.Basis.EXAMPLE);
        }
        return TaggedIntent.of(best, confidence, nearestText.get(best), TaggedIntent.Basis.EXAMPLE);
    }

    /** Embeds examples per label (through {@code memory}, so a text is embedded once however often it is used). */
    public static List<Example> embed(Map<String, List<String>> byLabel, Map<String, float[]> memory, UtteranceEmbedder embedder) {
        List<Example> list = new ArrayList<>();
        byLabel.forEach((label, texts) -> {
            for (String text : texts) {
                if (text != null && !text.isBlank()) {
                    list.add(new Example(label, text, memory.computeIfAbsent(text.strip(), embedder::embed)));
                }
            }
        });
        return list;
    }
}
