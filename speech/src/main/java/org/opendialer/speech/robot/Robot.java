package org.opendialer.speech.robot;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opendialer.speech.Audio;
import org.opendialer.speech.asr.Recognition;
import org.opendialer.speech.asr.SpeechRecognizer;
import org.opendialer.speech.intent.Intent;
import org.opendialer.speech.intent.IntentModels;
import org.opendialer.speech.intent.TaggedIntent;
import org.opendialer.speech.intent.minilm.MiniLmEmbedder;
import org.opendialer.speech.robot.ConversationResult.Outcome;
import org.opendialer.speech.script.Action;
import org.opendialer.speech.script.Node;
import org.opendialer.speech.script.TalkTrack;
import org.opendialer.speech.tts.SpeechSynthesizer;

/**
 * Runs a talk track over an audio channel: speaks each node's prompt (filled with the lead's fields), listens,
 * recognises, tags the intent and follows the script; handles no-input and no-match with re-prompts; books
 * callbacks from what the callee said; ends with a transfer (and a briefing for the agent), do-not-call, or
 * a disposition. Thread-safe: one robot serves many conversations.
 */
public final class Robot {

    private static final int MAX_TURNS = 40;

    private final SpeechSynthesizer voice;
    private final SpeechRecognizer ears;
    private final IntentModels intents;

    /** A robot that understands with the phrase rules and sentence embeddings (the model loads on the first answer). */
    public Robot(SpeechSynthesizer voice, SpeechRecognizer ears) {
        this(voice, ears, IntentModels.withEmbeddings(MiniLmEmbedder.shared()));
    }

    public Robot(SpeechSynthesizer voice, SpeechRecognizer ears, IntentModels intents) {
        this.voice = voice;
        this.ears = ears;
        this.intents = intents;
    }

    /**
     * Loads what understanding the script needs now (the embedding model, the examples' embeddings: a few
     * seconds), so that the first callee does not wait for it.
     */
    public void prepare(TalkTrack track) {
        for (Node node : track.nodes().values()) {
            intents.model(track.examples(), node.intents());
        }
    }

    public ConversationResult converse(TalkTrack track, AudioChannel channel, Map<String, String> lead, ZonedDateTime calleeNow) {
        Map<String, Hearing> hearings = new HashMap<>();
        List<Turn> turns = new ArrayList<>();
        int points = 0;
        Node node = track.node(track.start());
        int noInput = 0;
        int noMatch = 0;
        String prompt = TalkTrack.fill(node.say(), lead);
        ZonedDateTime callbackAt = null;
        while (turns.size() < MAX_TURNS) {
            if (!channel.play(voice.speak(prompt, Audio.TELEPHONE))) {
                return new ConversationResult(Outcome.HUNG_UP, "HUNG_UP", callbackAt, null, turns, points);
            }
            if (node.action() == Action.TRANSFER) {
                turns.add(new Turn(turns.size() + 1, node.id(), prompt, null, null, 0, 0, false, 0, 0));
                return new ConversationResult(Outcome.TRANSFERRED, "INTERESTED", callbackAt, briefing(node, lead, turns), turns, points);
            }
            if (node.action() == Action.DNC) {
                turns.add(new Turn(turns.size() + 1, node.id(), prompt, null, null, 0, 0, false, 0, 0));
                return new ConversationResult(Outcome.DNC, "DO_NOT_CALL", null, null, turns, points);
            }
            if (node.action() == Action.END) {
                turns.add(new Turn(turns.size() + 1, node.id(), prompt, null, null, 0, 0, false, 0, 0));
                Outcome outcome = callbackAt != null ? Outcome.CALLBACK : Outcome.ENDED;
                return new ConversationResult(outcome, node.disposition() == null ? "NO_DECISION" : node.disposition(), callbackAt,
                        null, turns, points);
            }
            Hearing hearing = hearings.computeIfAbsent(node.id(), id -> hearing(track, track.node(id)));
            long listenStart = System.nanoTime();
            Answer answer = channel.hear(node.id(), Duration.ofMillis(Math.round(node.listenSeconds() * 1000)),
                    hearing.listeningFor(node.phrases()));
            long listenMillis = (System.nanoTime() - listenStart) / 1_000_000;
            if (answer == null) {
                return new ConversationResult(Outcome.HUNG_UP, "HUNG_UP", callbackAt, null, turns, points);
            }
            Hearing.Heard result = hearing.hear(answer.audio(), answer.streamed(), node.phrases());
            Recognition heard = result.recognition();
            TaggedIntent intent = result.intent();
            // streaming recognition has consumed the audio while it was spoken: what is left at the end of speech
            // is the recogniser's final result and the tagging
            long latency = result.latencyMillis();
            int earned = intent.matched() ? node.points().getOrDefault(intent.name(), 0) : 0;
            points += earned;
            boolean question = intent.intent() == Intent.ASK_PRICE || heard.text().matches("^(how|what|why|when|who|where|is|are|can|do|does)\\b.*");
            turns.add(new Turn(turns.size() + 1, node.id(), prompt, heard.text(), intent.name(), intent.confidence(), earned, question,
                    listenMillis, latency));
            if (heard.silent()) {
                if (noInput < node.retries() && node.noInputSay() != null) {
                    noInput++;
                    prompt = TalkTrack.fill(node.noInputSay(), lead);
                    continue;
                }
                Node next = node.noInputNext() == null ? null : track.node(node.noInputNext());
                if (next == null) {
                    return new ConversationResult(Outcome.ENDED, "NO_ANSWER", callbackAt, null, turns, points);
                }
                node = next;
            } else if (node.action() == Action.CALLBACK) {
                if (intent.intent() == Intent.DO_NOT_CALL) {
                    return new ConversationResult(Outcome.DNC, "DO_NOT_CALL", null, null, turns, points);
                }
                Optional<ZonedDateTime> when = CallbackTimeParser.parse(heard.text(), calleeNow);
                callbackAt = when.orElse(calleeNow.plusDays(1).withHour(10).withMinute(0).withSecond(0).withNano(0));
                node = track.node(node.next());
            } else if (intent.intent() == Intent.ANSWERING_MACHINE && !node.on().containsKey(Intent.ANSWERING_MACHINE.name())) {
                return new ConversationResult(Outcome.MACHINE, "NO_DECISION", null, null, turns, points);
            } else {
                String target = intent.matched() ? node.on().get(intent.name()) : null;
                if (target == null && intent.intent() == Intent.DO_NOT_CALL) {
                    return new ConversationResult(Outcome.DNC, "DO_NOT_CALL", null, null, turns, points);
                }
                if (target == null) {
                    if (noMatch < 1 && node.noMatchSay() != null && node.noMatchNext() == null) {
                        noMatch++;
                        prompt = TalkTrack.fill(node.noMatchSay(), lead);
                        continue;
                    }
                    target = node.noMatchNext();
                    if (target == null) {
                        return new ConversationResult(Outcome.ENDED, "NO_DECISION", callbackAt, null, turns, points);
                    }
                    if (node.noMatchSay() != null) {
                        channel.play(voice.speak(TalkTrack.fill(node.noMatchSay(), lead), Audio.TELEPHONE));
                    }
                }
                node = track.node(target);
            }
            noInput = 0;
            noMatch = 0;
            prompt = TalkTrack.fill(node.say(), lead);
        }
        return new ConversationResult(Outcome.ENDED, "NO_DECISION", callbackAt, null, turns, points);
    }

    /** How the robot hears at {@code node}: the built-in intents, the script's examples and the node's own intents. */
    private Hearing hearing(TalkTrack track, Node node) {
        List<List<String>> examples = new ArrayList<>(track.examples().values());
        examples.addAll(node.intents().values());
        return new Hearing(ears, intents.model(track.examples(), node.intents()), examples);
    }

    /** The script's briefing for the agent, then what the callee said, turn by turn. */
    private static String briefing(Node node, Map<String, String> lead, List<Turn> turns) {
        String said = turns.stream().filter(t -> t.heard() != null && !t.heard().isBlank())
                .map(t -> t.node() + ": \"" + t.heard() + "\" (" + t.intent() + ")").collect(Collectors.joining("; "));
        String head = node.briefing() == null ? "Hot lead." : TalkTrack.fill(node.briefing(), lead);
        return head + (said.isEmpty() ? "" : " They said - " + said + ".");
    }
}
