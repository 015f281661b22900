package org.opendialer.speech.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the intent model a conversation uses at a node: the phrase rules with the script's and the node's
 * examples, and, when there is an embedder, the nearest examples among the built-in example utterances
 * ({@code /intent/examples.tsv}), the script's and the node's. Example embeddings are remembered, so only
 * the first conversation of a script pays for them. Thread-safe.
 */
public final class IntentModels {

    private static final String BUILT_IN = "/intent/examples.tsv";

    private final UtteranceEmbedder embedder;
    private final Map<String, float[]> memory = new ConcurrentHashMap<>();
    private volatile List<NearestExamples.Example> builtIn;

    private IntentModels(UtteranceEmbedder embedder) {
        this.embedder = embedder;
    }

    /** The phrase rules alone. */
    public static IntentModels rulesOnly() {
        return new IntentModels(null);
    }

    /** The phrase rules, and the embeddings where the rules find nothing or are unsure. */
    public static IntentModels withEmbeddings(UtteranceEmbedder embedder) {
        return new IntentModels(embedder);
    }

    /** The model for a script's examples (intent name to example answers). */
    public IntentModel model(Map<String, List<String>> scriptExamples) {
        return model(scriptExamples, Map.of());
    }

    /** The model at a node: the script's examples and the node's own intents (name to example answers), merged. */
    public IntentModel model(Map<String, List<String>> scriptExamples, Map<String, List<String>> nodeIntents) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        for (Map<String, List<String>> map : List.of(scriptExamples, nodeIntents)) {
            map.forEach((label, list) -> merged.computeIfAbsent(label, l -> new ArrayList<>()).addAll(list));
        }
        IntentTagger rules = new IntentTagger(merged);
        if (embedder == null) {
            return rules;
        }
        List<NearestExamples.Example> all = new ArrayList<>(builtIn());
        all.addAll(NearestExamples.embed(merged, memory, embedder));
        return new CombinedIntents(rules, new NearestExamples(embedder, all));
    }

    /**
     * The built-in model without the example {@code answer} (for measuring an answer that is itself an
     * example: leave-one-out). The phrase rules do not hold whole answers and are unchanged.
     */
    public IntentModel leavingOut(String answer) {
        if (embedder == null) {
            return new IntentTagger(Map.of());
        }
        List<NearestExamples.Example> rest = builtIn().stream().filter(e -> !e.text().equals(answer.strip())).toList();
        return new CombinedIntents(new IntentTagger(Map.of()), new NearestExamples(embedder, rest));
    }

    private List<NearestExamples.Example> builtIn() {
        List<NearestExamples.Example> list = builtIn;
        if (list == null) {
            synchronized (this) {
                if (builtIn == null) {
                    builtIn = List.copyOf(NearestExamples.embed(builtInExamples(), memory, embedder));
                }
                list = builtIn;
            }
        }
        return list;
    }

    /**
     * The built-in example utterances per intent (not the phrase lists: whole answers as callees give them),
     * and under {@code NO_MATCH} answers that mean no intent ("who is this?", "sorry, what?").
     */
    public static Map<String, List<String>> builtInExamples() {
        Map<String, List<String>> examples = new LinkedHashMap<>();
        try (InputStream in = IntentModels.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int row = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                row++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 2 || Intent.named(cols[0]) == null && !cols[0].equals(NearestExamples.NONE)) {
                    throw new IllegalStateException(BUILT_IN + " row " + row + ": want INTENT<tab>example, got '" + line + "'");
                }
                examples.computeIfAbsent(cols[0], l -> new ArrayList<>()).add(cols[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }
}
