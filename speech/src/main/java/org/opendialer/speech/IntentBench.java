package org.opendialer.speech;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opendialer.speech.intent.IntentModel;
import org.opendialer.speech.intent.IntentModels;
import org.opendialer.speech.intent.TaggedIntent;
import org.opendialer.speech.intent.minilm.MiniLmEmbedder;

/**
 * Intent accuracy on the labelled answers as text, dev and held-out apart, for the phrase rules alone and
 * with the embeddings; tagging latency per utterance; how long the embedding model takes to load.
 */
public final class IntentBench {

    /** Right answers out of a split, and what was missed. */
    public record Score(int right, int total, List<String> misses) {
        public double percent() {
            return 100.0 * right / total;
        }
    }

    private final PrintWriter out;

    public IntentBench(PrintWriter out) {
        this.out = out;
    }

    public static Score score(IntentModel model, List<LabelledUtterances.Utterance> utterances) {
        return scoreEach(u -> model, utterances);
    }

    /** @param models the model to tag each answer with (one that has not seen it, for answers that are examples) */
    public static Score scoreEach(Function<LabelledUtterances.Utterance, IntentModel> models, List<LabelledUtterances.Utterance> utterances) {
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (LabelledUtterances.Utterance u : utterances) {
            TaggedIntent t = models.apply(u).tag(u.text());
            if (t.name().equals(u.intent())) {
                right++;
            } else {
                misses.add(u.intent() + " \"" + u.text() + "\" -> " + t.name() + " " + t.confidence() + " (" + t.basis() + " \"" + t.phrase() + "\")");
            }
        }
        return new Score(right, utterances.size(), misses);
    }

    /** @param showDevMisses list what the dev split missed (the held-out misses are never shown: they are not for tuning) */
    public void run(boolean showDevMisses) {
        LabelledUtterances set = LabelledUtterances.load();
        MiniLmEmbedder embedder = MiniLmEmbedder.shared();
        embedder.load();
        out.printf("embedding model load: %d ms%n", embedder.loadMillis());
        IntentModels combined = IntentModels.withEmbeddings(embedder);
        long start = System.nanoTime();
        IntentModel model = combined.model(Map.of());
        out.printf("built-in examples embedded: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        IntentModel rules = IntentModels.rulesOnly().model(Map.of());
        for (String split : List.of("dev", "heldout")) {
            List<LabelledUtterances.Utterance> part = set.split(split);
            Score r = score(rules, part);
            // the dev answers are among the built-in examples: each is tagged by a model without itself
            Score c = split.equals("dev") ? scoreEach(u -> combined.leavingOut(u.text()), part) : score(model, part);
            out.printf("%-8s %3d utterances: phrase rules %d = %.1f %%, rules + embeddings %d = %.1f %%%s%n", split, part.size(),
                    r.right(), r.percent(), c.right(), c.percent(), split.equals("dev") ? " (leave-one-out)" : "");
            if (showDevMisses && split.equals("dev")) {
                c.misses().forEach(m -> out.println("  missed: " + m));
            }
        }
        latency(model, set.all());
        out.flush();
    }

    private void latency(IntentModel model, List<LabelledUtterances.Utterance> utterances) {
        for (int round = 0; round < 2; round++) { // warm up the JIT and ONNX Runtime's first runs
            utterances.forEach(u -> model.tag(u.text()));
        }
        long[] nanos = new long[utterances.size() * 3];
        int i = 0;
        for (int round = 0; round < 3; round++) {
            for (LabelledUtterances.Utterance u : utterances) {
                long t = System.nanoTime();
                model.tag(u.text());
                nanos[i++] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        out.printf("tagging latency per utterance (rules + embeddings, %d taggings): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                nanos.length, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    public static void main(String[] args) {
        new IntentBench(new PrintWriter(System.out, true)).run(args.length > 0 && args[0].equals("--dev-misses"));
    }
}
