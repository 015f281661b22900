package org.opendialer.service.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opendialer.speech.asr.VoskRecognizer;
import org.opendialer.speech.agi.WavFiles;
import org.opendialer.speech.intent.IntentModel;
import org.opendialer.speech.intent.IntentModels;
import org.opendialer.speech.intent.minilm.MiniLmEmbedder;
import org.opendialer.speech.robot.Hearing;
import org.opendialer.speech.intent.TaggedIntent;
import org.opendialer.speech.script.Node;
import org.opendialer.speech.script.TalkTrack;
import org.opendialer.speech.script.TalkTrackLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "intent", mixinStandardHelpOptions = true,
        description = "Print the intent tagged for an utterance (or a WAV recording) and its confidence.")
public class IntentCommand implements Callable<Integer> {

    @Option(names = "--script", paramLabel = "FILE", description = "a talk track whose examples (and, with --node, that node's intents) sharpen tagging")
    Path script;

    @Option(names = "--node", paramLabel = "NODE", description = "say where the utterance would go from this node")
    String node;

    @Option(names = "--rules-only", description = "the phrase rules alone, without the sentence embeddings")
    boolean rulesOnly;

    @Option(names = "--audio", paramLabel = "FILE.wav", description = "recognise this recording first (16-bit mono WAV)")
    Path audio;

    @Parameters(arity = "0..1", paramLabel = "UTTERANCE")
    String utterance;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TalkTrack track = script == null ? null : TalkTrackLoader.load(script);
        Node at = null;
        if (track != null && node != null) {
            at = track.node(node);
            if (at == null) {
                throw new UserFacingException("the script has no node '" + node + "'; nodes: " + track.nodes().keySet());
            }
        }
        IntentModels models = rulesOnly ? IntentModels.rulesOnly() : IntentModels.withEmbeddings(MiniLmEmbedder.shared());
        Map<String, List<String>> none = Map.of();
        IntentModel model = models.model(track == null ? none : track.examples(), at == null ? none : at.intents());
        TaggedIntent intent;
        if (audio != null) {
            List<List<String>> examples = new ArrayList<>();
            if (track != null) {
                examples.addAll(track.examples().values());
            }
            if (at != null) {
                examples.addAll(at.intents().values());
            }
            try (VoskRecognizer vosk = VoskRecognizer.fromConfiguration()) {
                // as the robot hears: free recognition, then the intents' phrase list when that finds nothing
                Hearing.Heard heard = new Hearing(vosk, model, examples).hear(WavFiles.read(audio), List.of());
                out.printf("heard: \"%s\" (confidence %.2f)%n", heard.recognition().text(), heard.recognition().confidence());
                intent = heard.intent();
            } catch (IllegalStateException e) {
                throw new UserFacingException(e.getMessage());
            }
        } else if (utterance != null) {
            intent = model.tag(utterance);
        } else {
            throw new UserFacingException("give an utterance or --audio FILE.wav");
        }
        out.printf("intent: %s (confidence %.2f)%s%n", intent.name(), intent.confidence(), intent.phrase() == null ? ""
                : (intent.basis() == TaggedIntent.Basis.EXAMPLE ? ", nearest example \"" : ", matched \"") + intent.phrase() + "\"");
        if (at != null) {
            Node n = at;
            String next = n.on().get(intent.name());
            out.println("next node: " + (next != null ? next : n.noMatchNext() != null ? n.noMatchNext() + " (no match)" : "(no match: re-prompt)"));
        }
        out.flush();
        return 0;
    }
}
