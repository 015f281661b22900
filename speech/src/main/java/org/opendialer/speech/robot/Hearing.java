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
import org.opendialer.speech.intent.TaggedIntent;

/**
 * Hears an answer and finds its intent: free recognition first, its best reading and then its next-best
 * ones; when none yields an intent surely (a phrase, or an example near enough to overrule one), the audio
 * is recognised again with the intents' phrases (and the script's and node's examples) as the recogniser's
 * phrase list, which resolves most of what free recognition of telephone audio gets wrong. Later readings are
 * less likely (or forced into the list's words): one replaces an unsure example match only with a phrase.
 */
public final class Hearing {

    /**
     * What was heard and what it means; {@code latencyMillis} is what is left once the callee stops speaking:
     * the recogniser's final result(s) (a streaming recogniser has consumed the audio as it came; both passes
     * can run on the stream side by side) and the tagging.
     */
    public record Heard(Recognition recognition, TaggedIntent intent, long latencyMillis) {
    }

    private final SpeechRecognizer ears;
    private final IntentModel tagger;
    private final List<String> grammar;

    /** @param examples the script's (and node's) example utterances, added to the second pass's phrase list */
    public Hearing(SpeechRecognizer ears, IntentModel tagger, Collection<List<String>> examples) {
        this.ears = ears;
        this.tagger = tagger;
        List<String> phrases = new ArrayList<>();
        for (Intent intent : Intent.values()) {
            phrases.addAll(intent.phrases());
        }
        examples.forEach(phrases::addAll);
        this.grammar = phrases.stream().map(p -> p.toLowerCase().replaceAll("[^a-z' ]", "")).distinct().collect(Collectors.toList());
    }

    /** @param phrases the node's own phrase list, if any (then there is no second pass) */
    public Heard hear(Audio answer, List<String> phrases) {
        return hear(answer, null, phrases);
    }

    /**
     * @param streamed what a streaming recogniser heard while the answer was spoken (with {@code phrases}), or
     *                 null to recognise {@code answer} now
     */
    public Heard hear(Audio answer, Recognition streamed, List<String> phrases) {
        Recognition heard = streamed != null ? streamed : ears.recognize(answer, phrases);
        long tagStart = System.nanoTime();
        TaggedIntent intent = heard.silent() ? TaggedIntent.NO_MATCH : tagger.tag(heard.text());
        for (String alternative : heard.alternatives()) {
            if (sure(intent)) {
                break;
            }
            TaggedIntent other = tagger.tag(alternative);
            if (replaces(other, intent)) {
                heard = new Recognition(alternative, heard.confidence(), heard.millis(), heard.alternatives());
                intent = other;
            }
        }
        long tagging = System.nanoTime() - tagStart;
        // a reading only loosely like some example is as likely a misrecognition: hear it again with the phrases
        if (!heard.silent() && !sure(intent) && phrases.isEmpty()) {
            Recognition narrowed = ears.recognize(answer, grammar);
            tagStart = System.nanoTime();
            TaggedIntent second = narrowed.silent() ? TaggedIntent.NO_MATCH : tagger.tag(narrowed.text());
            tagging += System.nanoTime() - tagStart;
            long latency = Math.max(heard.millis(), narrowed.millis()) + tagging / 1_000_000;
            if (replaces(second, intent)) {
                return new Heard(narrowed, second, latency);
            }
            return new Heard(heard, intent, latency);
        }
        return new Heard(heard, intent, heard.millis() + tagging / 1_000_000);
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
