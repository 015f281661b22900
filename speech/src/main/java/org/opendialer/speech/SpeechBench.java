package org.opendialer.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.opendialer.speech.asr.VoskRecognizer;
import org.opendialer.speech.intent.IntentModel;
import org.opendialer.speech.intent.IntentModels;
import org.opendialer.speech.intent.minilm.MiniLmEmbedder;
import org.opendialer.speech.robot.Hearing;
import org.opendialer.speech.robot.ConversationResult;
import org.opendialer.speech.robot.Persona;
import org.opendialer.speech.robot.Robot;
import org.opendialer.speech.robot.SimulatedCallee;
import org.opendialer.speech.robot.Turn;
import org.opendialer.speech.script.TalkTrack;
import org.opendialer.speech.tts.MaryTtsSynthesizer;
import org.opendialer.speech.tts.PromptCache;

/**
 * The speech benchmarks: intent accuracy on a labelled set of utterances spoken through TTS and heard by
 * Vosk at telephone quality, ASR real-time factor, TTS latency cold and cached, end-of-speech to intent
 * latency, and how many simulated conversations run at once in real time.
 */
public final class SpeechBench {

    private final PrintWriter out;

    public SpeechBench(PrintWriter out) {
        this.out = out;
    }

    public void run(TalkTrack track, Persona persona, int conversations) throws Exception {
        MaryTtsSynthesizer mary = new MaryTtsSynthesizer();
        long t0 = System.nanoTime();
        mary.speak("Warming up the voice.", Audio.TELEPHONE);
        out.printf("TTS first use (loads the voice): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        PromptCache cache = new PromptCache(mary, null);
        String prompt = "We can upgrade you to fibre with speeds up to one gigabit, and the first three months are free.";
        long cold = time(() -> cache.speak(prompt, Audio.TELEPHONE));
        long cached = time(() -> cache.speak(prompt, Audio.TELEPHONE));
        out.printf("TTS latency for a 6 s prompt: cold %d ms, cached %.3f ms%n", cold / 1_000_000, cached / 1e6);
        try (VoskRecognizer vosk = VoskRecognizer.fromConfiguration()) {
            accuracy(mary, vosk);
            Audio clip = mary.speak(prompt, Audio.TELEPHONE);
            long asr = time(() -> vosk.recognize(clip, List.of()));
            out.printf("ASR real-time factor: %.3f (%.1f s of audio in %d ms)%n", asr / 1e9 / clip.seconds(), clip.seconds(), asr / 1_000_000);
            concurrency(new Robot(cache, vosk), cache, track, persona, conversations);
        }
        out.flush();
    }

    /**
     * Spoken intent accuracy on the dev answers of {@code /bench/intents.tsv} only: what the hearing is tuned on.
     * Each dev answer is an example, so it is heard and tagged without itself among the examples and the phrase
     * list (leave-one-out).
     */
    public void runDev() {
        MaryTtsSynthesizer mary = new MaryTtsSynthesizer();
        IntentModels models = IntentModels.withEmbeddings(MiniLmEmbedder.shared());
        try (VoskRecognizer vosk = VoskRecognizer.fromConfiguration()) {
            List<Long> latencies = new ArrayList<>();
            spoken("dev answers of /bench/intents.tsv (leave-one-out)", LabelledUtterances.load().split("dev"), mary,
                    u -> Hearing.leavingOut(vosk, models.leavingOut(u.text()), u.text()), latencies);
            latencies(latencies);
        }
        out.flush();
    }

    private void accuracy(MaryTtsSynthesizer mary, VoskRecognizer vosk) throws IOException {
        IntentModel intents = IntentModels.withEmbeddings(MiniLmEmbedder.shared()).model(Map.of());
        Hearing hearing = new Hearing(vosk, intents, List.of());
        List<LabelledUtterances.Utterance> older = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SpeechBench.class.getResourceAsStream("/bench/utterances.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cols = line.split("\t");
                if (cols.length == 2) {
                    older.add(new LabelledUtterances.Utterance("tuning", cols[0], cols[1]));
                }
            }
        }
        List<Long> latencies = new ArrayList<>();
        spoken("held-out answers of /bench/intents.tsv", LabelledUtterances.load().split("heldout"), mary, u -> hearing, latencies);
        spoken("/bench/utterances.tsv (the set the phrase rules were tuned on)", older, mary, u -> hearing, latencies);
        latencies(latencies);
    }

    private void latencies(List<Long> latencies) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf("end of speech -> intent: p50 %d ms, p95 %d ms%n", sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)]);
    }

    /** Intent accuracy of labelled answers spoken by MaryTTS, sent at 8 kHz and heard as the robot hears. */
    private void spoken(String what, List<LabelledUtterances.Utterance> labelled, MaryTtsSynthesizer mary,
                        Function<LabelledUtterances.Utterance, Hearing> hearings, List<Long> latencies) {
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (LabelledUtterances.Utterance u : labelled) {
            Audio spoken = mary.speak(u.text(), Audio.TELEPHONE).withSilence(0.3);
            Hearing.Heard result = hearings.apply(u).hear(spoken, List.of());
            latencies.add(result.latencyMillis());
            if (result.intent().name().equals(u.intent())) {
                right++;
            } else {
                misses.add(u.intent() + " \"" + u.text() + "\" heard \"" + result.recognition().text() + "\" -> " + result.intent().name());
            }
        }
        out.printf("intent accuracy through TTS -> 8 kHz -> Vosk -> rules + embeddings, %s: %d / %d = %.1f %%%n",
                what, right, labelled.size(), 100.0 * right / labelled.size());
        misses.forEach(m -> out.println("  missed: " + m));
        out.flush();
    }

    private void concurrency(Robot robot, PromptCache voice, TalkTrack track, Persona persona, int conversations) throws Exception {
        // conversations in parallel on as many threads; "real time" when each finishes faster than the audio it spoke and heard
        ExecutorService pool = Executors.newFixedThreadPool(conversations);
        try {
            robot.converse(track, new SimulatedCallee(persona, voice), Map.of("first_name", "Sam"), ZonedDateTime.now(ZoneId.of("UTC")));
            long start = System.nanoTime();
            List<Future<ConversationResult>> runs = new ArrayList<>();
            for (int i = 0; i < conversations; i++) {
                runs.add(pool.submit(() -> robot.converse(track, new SimulatedCallee(persona, voice), Map.of("first_name", "Sam"),
                        ZonedDateTime.now(ZoneId.of("UTC")))));
            }
            double audioSeconds = 0;
            for (Future<ConversationResult> run : runs) {
                ConversationResult r = run.get();
                for (Turn t : r.turns()) {
                    audioSeconds += t.prompt().length() / 15.0; // about 15 characters of prompt per spoken second
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double perConversation = audioSeconds / conversations;
            int cores = Runtime.getRuntime().availableProcessors();
            out.printf("%d simultaneous conversations on %d core(s): %.1f s wall for %.1f s of conversation each (%s real time); "
                    + "one core keeps about %.0f conversations in real time%n", conversations, cores, wall, perConversation,
                    wall <= perConversation ? "within" : "slower than", conversations * perConversation / (wall * cores));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args.length > 0 ? args[0] : "scripts/broadband-offer.yaml");
        Path persona = Path.of(args.length > 1 ? args[1] : "scripts/personas/eager.yaml");
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        new SpeechBench(new PrintWriter(System.out, true)).run(org.opendialer.speech.script.TalkTrackLoader.load(script),
                Persona.load(persona), n);
    }
}
