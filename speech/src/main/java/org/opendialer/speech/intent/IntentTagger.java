package org.opendialer.speech.intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The phrase rules: tags an utterance with an intent by phrase matching that tolerates recognition errors and respects
 * negation. Each phrase (the built-in ones plus a script's own examples) is looked for as a run of words
 * in the utterance; a word matches when it is the same or close in spelling (what a recogniser gets wrong).
 * A phrase preceded by a negation ("not", "don't", "never") does not count, except that negated interest
 * is disinterest: "I'm not really interested" is NOT_INTERESTED. The longest, closest match wins; the
 * confidence is how closely it matched and how much of the utterance it explains.
 */
public final class IntentTagger implements IntentModel {

    private static final Set<String> NEGATIONS = Set.of("not", "no", "don't", "dont", "never", "isn't", "aren't", "wasn't",
            "can't", "won't", "didn't", "doesn't", "nothing");
    private static final double MIN_CONFIDENCE = 0.45;
    /** Recognisers write contractions without the apostrophe. */
    private static final java.util.Map<String, String> CONTRACTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("im", "i'm"), java.util.Map.entry("dont", "don't"), java.util.Map.entry("cant", "can't"),
            java.util.Map.entry("whats", "what's"), java.util.Map.entry("thats", "that's"), java.util.Map.entry("id", "i'd"),
            java.util.Map.entry("ive", "i've"), java.util.Map.entry("lets", "let's"), java.util.Map.entry("wont", "won't"),
            java.util.Map.entry("doesnt", "doesn't"), java.util.Map.entry("isnt", "isn't"), java.util.Map.entry("youve", "you've"));

    /**
     * Words that carry no intent of their own and that people slip into set phrases ("sounds <i>really</i>
     * good", "we are already customers" for "already <i>a</i> customer"): phrases and answers are also
     * compared with these left out.
     */
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "really", "very", "so", "just", "quite", "actually",
            "totally", "pretty", "um", "uh", "well");

    /** Phrases per intent label, in the order ties are broken: do-not-call, a node's own intents, then the built-ins. */
    private final Map<String, List<String[]>> phrases = new LinkedHashMap<>();

    public IntentTagger() {
        this(Map.of());
    }

    /**
     * @param examples example utterances per intent label, matched like the built-in phrases: a built-in
     *                 intent's name adds to its phrases, any other name is a node's own intent
     */
    public IntentTagger(Map<String, List<String>> examples) {
        add(Intent.DO_NOT_CALL.name(), examples);
        examples.keySet().stream().filter(label -> Intent.named(label) == null).forEach(label -> add(label, examples));
        for (Intent intent : Intent.values()) {
            if (intent != Intent.DO_NOT_CALL) {
                add(intent.name(), examples);
            }
        }
    }

    private void add(String label, Map<String, List<String>> examples) {
        List<String[]> list = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Intent builtIn = Intent.named(label);
        if (builtIn != null) {
            texts.addAll(builtIn.phrases());
        }
        texts.addAll(examples.getOrDefault(label, List.of()));
        for (String p : texts) {
            String[] words = words(p);
            if (words.length == 0) {
                continue;
            }
            list.add(words);
            String[] plain = withoutFillers(words);
            // "not really" without its filler would be a bare "not", which is in every negated answer
            if (plain.length > 1 && plain.length < words.length) {
                list.add(plain);
            }
        }
        phrases.put(label, list);
    }

    /** Whether the utterance says "not", "don't", "never" or the like anywhere. */
    public static boolean negates(String utterance) {
        for (String w : words(utterance)) {
            if (NEGATIONS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public TaggedIntent tag(String utterance) {
        String[] said = words(utterance);
        if (said.length == 0) {
            return TaggedIntent.NO_MATCH;
        }
        TaggedIntent asSaid = tag(said);
        String[] plain = withoutFillers(said);
        if (plain.length == said.length || plain.length == 0) {
            return asSaid;
        }
        TaggedIntent withoutFillers = tag(plain);
        return withoutFillers.confidence() > asSaid.confidence() ? withoutFillers : asSaid;
    }

    private static String[] withoutFillers(String[] words) {
        return java.util.Arrays.stream(words).filter(w -> !FILLERS.contains(w)).toArray(String[]::new);
    }

    private TaggedIntent tag(String[] said) {
        String best = null;
        double bestScore = 0;
        String bestPhrase = null;
        boolean bestTurned = false;
        for (Map.Entry<String, List<String[]>> entry : phrases.entrySet()) {
            for (String[] phrase : entry.getValue()) {
                for (int start = 0; start + phrase.length <= said.length; start++) {
                    double similarity = match(said, start, phrase);
                    if (similarity <= 0) {
                        continue;
                    }
                    String meant = entry.getKey();
                    int length = phrase.length;
                    boolean turned = false;
                    if (negated(said, start) && !negative(phrase)) {
                        if (!meant.equals(Intent.INTERESTED.name())) {
                            continue;
                        }
                        meant = Intent.NOT_INTERESTED.name();
                        turned = true;
                        length++; // the negation is part of what was said
                    }
                    // longer phrases are more specific; coverage says how much of the answer they explain
                    double coverage = Math.min(1.0, (length + 1.0) / (said.length + 1.0));
                    double score = similarity * (0.6 + 0.4 * coverage) * (1 + 0.05 * (length - 1));
                    if (score > bestScore + 1e-9) {
                        best = meant;
                        bestScore = score;
                        bestPhrase = String.join(" ", phrase);
                        bestTurned = turned;
                    }
                }
            }
        }
        double confidence = Math.min(1.0, bestScore);
        return best == null || confidence < MIN_CONFIDENCE ? TaggedIntent.NO_MATCH
                : TaggedIntent.of(best, round(confidence), bestTurned ? "not " + bestPhrase : bestPhrase,
                        bestTurned ? TaggedIntent.Basis.NEGATED_PHRASE : TaggedIntent.Basis.PHRASE);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static boolean negative(String[] phrase) {
        for (String w : phrase) {
            if (NEGATIONS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(String[] said, int start) {
        for (int i = Math.max(0, start - 3); i < start; i++) {
            if (NEGATIONS.contains(said[i])) {
                return true;
            }
        }
        return false;
    }

    /** Mean word similarity of {@code phrase} laid over {@code said} at {@code start}; 0 when any word is too far off. */
    private static double match(String[] said, int start, String[] phrase) {
        double sum = 0;
        for (int i = 0; i < phrase.length; i++) {
            double s = similarity(said[start + i], phrase[i]);
            if (s < 0.75) {
                return 0;
            }
            sum += s;
        }
        return sum / phrase.length;
    }

    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() < 4 || b.length() < 4) {
            return 0; // short words must be exact: "no" is not "know"
        }
        int d = levenshtein(a, b);
        return 1.0 - (double) d / Math.max(a.length(), b.length());
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static String[] words(String text) {
        if (text == null) {
            return new String[0];
        }
        String clean = text.toLowerCase(Locale.ROOT).replace("’", "'").replaceAll("[^a-z0-9' ]", " ").trim();
        if (clean.isEmpty()) {
            return new String[0];
        }
        String[] words = clean.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            words[i] = CONTRACTIONS.getOrDefault(words[i], words[i]);
        }
        return words;
    }
}
