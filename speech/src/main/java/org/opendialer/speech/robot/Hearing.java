package org.opendialer.speech.robot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.opendialer.speech.Audio;
import org.opendialer.speech.asr.Recognition;
import org.opendialer.speech.asr.SpeechRecognizer;
import org.opendialer.speech.intent.Intent;
import org.opendialer.speech.intent.CombinedIntents;
import org.opendialer.speech.intent.IntentModel;
import org.opendialer.speech.intent.IntentModels;
import org.opendialer.speech.intent.TaggedIntent;

/**
 * Hears an answer and finds its intent. An answer is recognised with a phrase list made of the intents'
 * phrases and every example answer (built in, the script's, the node's): Vosk turns these sentences into a
 * small language model of how callees answer, which hears telephone audio far better than the model's general
 * English. Only when the answer has words in no example (Vosk hears them as unknown) or the list makes nothing
 * of it is it recognised again freely, and its best reading and next-best ones are tagged. A node with its own
 * phrase list is heard with that list alone.
 */
public final class Hearing {

    /**
     * What was heard and what it means; {@code latencyMillis} is what is left once the callee stops speaking:
     * the recogniser's final result(s) (a streaming recogniser has consumed the audio as it came; both passes
     * can run on the stream side by side) and the tagging.
     */
    public record Heard(Recognition recognition, TaggedIntent intent, long latencyMillis) {
    }

    /** How Vosk writes a stretch of speech that is none of the phrase list's words. */
    static final String UNKNOWN = "[unk]";
    /** A sample above this (16-bit) is sound, not line noise. */
    private static final int AUDIBLE = 1000;

    private final SpeechRecognizer ears;
    private final IntentModel tagger;
    private final List<String> grammar;

    /**
     * @param examples the script's (and node's) example utterances: with the intents' phrases and the built-in
     *                 examples they make the second pass's phrase list
     */
    public Hearing(SpeechRecognizer ears, IntentModel tagger, Collection<List<String>> examples) {
        this(ears, tagger, phraseList(withBuiltIns(examples, null)));
    }

    private Hearing(SpeechRecognizer ears, IntentModel tagger, List<String> grammar) {
        this.ears = ears;
        this.tagger = tagger;
        this.grammar = grammar;
    }

    /**
     * Hearing with the built-in examples but without {@code answer} among them (to measure an answer that is
     * itself an example: leave-one-out, for the tagger and the phrase list alike).
     */
    public static Hearing leavingOut(SpeechRecognizer ears, IntentModel tagger, String answer) {
        return new Hearing(ears, tagger, phraseList(withBuiltIns(List.of(), answer)));
    }

    private static List<List<String>> withBuiltIns(Collection<List<String>> examples, String except) {
        List<List<String>> all = new ArrayList<>(examples);
        for (List<String> builtIn : BuiltIn.EXAMPLES) {
            all.add(builtIn.stream().filter(e -> except == null || !normalised(e).equals(normalised(except))).toList());
        }
        return all;
    }

    /**
     * The second pass's phrase list: the intents' phrases and the example answers, in the recogniser's
     * spelling. Vosk estimates a small language model from these sentences, so whole answers teach it which
     * words follow which, and new combinations of their words can still be heard.
     */
    static List<String> phraseList(Collection<List<String>> examples) {
        List<String> phrases = new ArrayList<>();
        for (Intent intent : Intent.values()) {
            phrases.addAll(intent.phrases());
        }
        examples.forEach(phrases::addAll);
        return phrases.stream().map(Hearing::normalised).filter(p -> !p.isEmpty()).distinct().collect(Collectors.toList());
    }

    /** Lower case words as the recogniser writes them ("mm-hm" is "mm hm"). */
    /** The built-in examples, read once. */
    private static final class BuiltIn {
        static final List<List<String>> EXAMPLES = List.copyOf(IntentModels.builtInExamples().values());
    }

    private static String normalised(String phrase) {
        return phrase.toLowerCase(java.util.Locale.ROOT).replace('’', '\'').replaceAll("[^a-z' ]", " ").trim().replaceAll("\\s+", " ");
    }

    /** @param phrases the node's own phrase list, if any (then there is no second pass) */
    public Heard hear(Audio answer, List<String> phrases) {
        return hear(answer, null, phrases);
    }

    /** The phrase list an answer is recognised with at a node: the node's own if it has one, else the examples'. */
    public List<String> listeningFor(List<String> nodePhrases) {
        return nodePhrases.isEmpty() ? grammar : nodePhrases;
    }

    /**
     * @param streamed what a streaming recogniser heard while the answer was spoken (with
     *                 {@link #listeningFor(List) listeningFor(phrases)}), or null to recognise {@code answer} now
     */
    public Heard hear(Audio answer, Recognition streamed, List<String> phrases) {
        Recognition narrowed = streamed != null ? streamed : ears.recognize(answer, listeningFor(phrases));
        boolean unknownWords = narrowed.text() != null && narrowed.text().contains(UNKNOWN);
        long tagStart = System.nanoTime();
        Heard heard = tagged(withoutUnknown(narrowed));
        long tagging = System.nanoTime() - tagStart;
        // words that are in no example, or nothing the list could make of a sound: hear it freely
        if (phrases.isEmpty() && (unknownWords || heard.recognition().silent() && audible(answer)) && !sure(heard.intent())) {
            long start = System.nanoTime();
            Recognition free = ears.recognize(answer, List.of());
            Heard freely = tagged(free);
            long second = (System.nanoTime() - start) / 1_000_000;
            long latency = narrowed.millis() + tagging / 1_000_000 + second;
            boolean better = freely.intent().matched() || !heard.intent().matched() && heard.recognition().silent();
            if (better && !free.silent()) {
                return new Heard(freely.recognition(), freely.intent(), latency);
            }
            return new Heard(heard.recognition(), heard.intent(), latency);
        }
        return new Heard(heard.recognition(), heard.intent(), narrowed.millis() + tagging / 1_000_000);
    }

    /** The reading's intent: its best text, then its next-best ones until one is sure (latency not counted here). */
    private Heard tagged(Recognition reading) {
        Recognition heard = reading;
        TaggedIntent intent = heard.silent() ? TaggedIntent.NO_MATCH : tagger.tag(heard.text());
        for (String alternative : reading.alternatives()) {
            if (sure(intent)) {
                break;
            }
            TaggedIntent other = tagger.tag(alternative);
            if (replaces(other, intent)) {
                heard = new Recognition(alternative, reading.confidence(), reading.millis(), reading.alternatives());
                intent = other;
            }
        }
        return new Heard(heard, intent, 0);
    }

    /** The reading without the phrase list's placeholder for words outside it. */
    private static Recognition withoutUnknown(Recognition r) {
        if (r.text() == null || !r.text().contains(UNKNOWN)) {
            return r;
        }
        return new Recognition(r.text().replace(UNKNOWN, " ").trim().replaceAll("\\s+", " "), r.confidence(), r.millis(), r.alternatives());
    }

    /** Whether recorded audio holds more than line noise (a silent no-input answer is not recognised twice). */
    private static boolean audible(Audio audio) {
        for (int i = 0; i < audio.samples(); i++) {
            if (Math.abs(audio.sample(i)) > AUDIBLE) {
                return true;
            }
        }
        return false;
    }

    /** A phrase matched, or the answer is near enough an example to overrule a phrase. */
    private static boolean sure(TaggedIntent t) {
        return t.matched() && (t.basis() != TaggedIntent.Basis.EXAMPLE || t.confidence() >= CombinedIntents.OVERRULE);
    }

    /**
     * Whether a later reading's intent (a next-best one, or one forced into the phrase list's words) replaces
     * the one found so far: when there was none, or when a phrase matches it where only an example was near.
     */
    private static boolean replaces(TaggedIntent later, TaggedIntent sofar) {
        return later.matched() && (!sofar.matched() || later.basis() != TaggedIntent.Basis.EXAMPLE && !sure(sofar));
    }
}
