package org.opendialer.service.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opendialer.speech.asr.VoskRecognizer;
import org.opendialer.speech.robot.ConversationResult;
import org.opendialer.speech.robot.Persona;
import org.opendialer.speech.robot.Robot;
import org.opendialer.speech.robot.SimulatedCallee;
import org.opendialer.speech.robot.Turn;
import org.opendialer.speech.script.InvalidScriptException;
import org.opendialer.speech.script.TalkTrack;
import org.opendialer.speech.script.TalkTrackLoader;
import org.opendialer.speech.tts.MaryTtsSynthesizer;
import org.opendialer.speech.tts.PromptCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "robot", mixinStandardHelpOptions = true,
        description = "Run one simulated robot conversation through the real TTS -> ASR loop and print every turn.")
public class RobotCommand implements Callable<Integer> {

    @Option(names = "--script", required = true, paramLabel = "FILE")
    Path script;

    @Option(names = "--persona", required = true, paramLabel = "FILE")
    Path persona;

    @Option(names = "--lead", paramLabel = "KEY=VALUE", description = "lead fields for the script's {placeholders}")
    Map<String, String> lead = new LinkedHashMap<>();

    @Option(names = "--zone", defaultValue = "America/New_York", description = "the callee's time zone (default ${DEFAULT-VALUE})")
    ZoneId zone;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TalkTrack track;
        try {
            track = TalkTrackLoader.load(script);
        } catch (InvalidScriptException e) {
            throw new UserFacingException(e.getMessage());
        }
        Persona callee = Persona.load(persona);
        PromptCache voice = new PromptCache(new MaryTtsSynthesizer(), null);
        try (VoskRecognizer ears = openRecognizer()) {
            ConversationResult result = new Robot(voice, ears).converse(track, new SimulatedCallee(callee, voice), lead,
                    ZonedDateTime.now(zone));
            for (Turn t : result.turns()) {
                out.printf("%d. [%s] robot: %s%n", t.no(), t.node(), t.prompt());
                if (t.heard() != null) {
                    out.printf("   callee: \"%s\" -> %s (%.2f)%s, %d ms after the answer%n", t.heard(), t.intent(), t.confidence(),
                            t.points() > 0 ? ", +" + t.points() + " points" : "", t.latencyMillis());
                }
            }
            out.printf("outcome: %s, disposition %s, %d points%s%s%n", result.outcome(), result.disposition(), result.points(),
                    result.callbackAt() == null ? "" : ", call back at " + result.callbackAt(),
                    result.briefing() == null ? "" : System.lineSeparator() + "briefing: " + result.briefing());
        }
        out.flush();
        return 0;
    }

    private static VoskRecognizer openRecognizer() {
        try {
            return VoskRecognizer.fromConfiguration();
        } catch (IllegalStateException e) {
            throw new UserFacingException(e.getMessage());
        }
    }
}
