package org.opendialer.service.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opendialer.speech.asr.VoskRecognizer;
import org.opendialer.speech.intent.Intent;
import org.opendialer.speech.intent.IntentTagger;
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

    @Option(names = "--script", paramLabel = "FILE", description = "a talk track whose examples sharpen tagging")
    Path script;

    @Option(names = "--node", paramLabel = "NODE", description = "say where the utterance would go from this node")
    String node;

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
        Map<Intent, List<String>> examples = new EnumMap<>(Intent.class);
        if (track != null) {
            track.examples().forEach((k, v) -> examples.put(Intent.valueOf(k), v));
        }
        IntentTagger tagger = new IntentTagger(examples);
        TaggedIntent intent;
        if (audio != null) {
            try (VoskRecognizer vosk = VoskRecognizer.fromConfiguration()) {
                // as the robot hears: free recognition, then the intents' phrase list when that finds nothing
                org.opendialer.speech.robot.Hearing.Heard heard = new org.opendialer.speech.robot.Hearing(vosk, tagger,
                        track == null ? List.of() : track.examples().values()).hear(org.opendialer.speech.agi.WavFiles.read(audio), List.of());
                out.printf("heard: \"%s\" (confidence %.2f)%n", heard.recognition().text(), heard.recognition().confidence());
                intent = heard.intent();
            } catch (IllegalStateException e) {
                throw new UserFacingException(e.getMessage());
            }
        } else if (utterance != null) {
            intent = tagger.tag(utterance);
        } else {
            throw new UserFacingException("give an utterance or --audio FILE.wav");
        }
        out.printf("intent: %s (confidence %.2f)%s%n", intent.name(), intent.confidence(),
                intent.phrase() == null ? "" : ", matched \"" + intent.phrase() + "\"");
        if (track != null && node != null) {
            Node n = track.node(node);
            if (n == null) {
                throw new UserFacingException("the script has no node '" + node + "'; nodes: " + track.nodes().keySet());
            }
            String next = n.on().get(intent.name());
            out.println("next node: " + (next != null ? next : n.noMatchNext() != null ? n.noMatchNext() + " (no match)" : "(no match: re-prompt)"));
        }
        out.flush();
        return 0;
    }
}
