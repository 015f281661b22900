package org.opendialer.speech.intent;

import java.util.ArrayList;
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

    public NearestExamples(UtteranceEmbedder embedder, List<Example> examples) {
        this.embedder = embedder;
        this.examples = List.copyOf(examples);
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
            double[] top = nearestByLabel.computeIfAbsent(e.label(), l -> new double[] {-1, -1});
            if (s > top[0]) {
                top[1] = top[0];
                top[0] = s;
                nearestText.put(e.label(), e.text());
            } else if (s > top[1]) {
                top[1] = s;
            }
        }
        String best = null;
        double bestScore = -1;
        for (Map.Entry<String, double[]> entry : nearestByLabel.entrySet()) {
            double[] top = entry.getValue();
            double score = top[1] < 0 ? top[0] : (top[0] + top[1]) / K;
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
