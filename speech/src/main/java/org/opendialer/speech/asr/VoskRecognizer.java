package org.opendialer.speech.asr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendialer.speech.Audio;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Vosk speech recognition. The model is loaded once per process (it is large and thread-safe); each
 * recognition has a recogniser to itself (kept for later answers with the same phrase list), fed in 100 ms
 * chunks as a stream would be. The small English model is
 * 16 kHz: telephone audio is upsampled first.
 */
public final class VoskRecognizer implements SpeechRecognizer, AutoCloseable {

    /** System property and environment variable naming the model directory. */
    public static final String MODEL_PROPERTY = "dialer.vosk.model";
    public static final String MODEL_ENV = "DIALER_VOSK_MODEL";
    /** The outermost jar in a code source, nested ({@code nested:/x/dialer.jar/!BOOT-INF/...}) or not. */
    private static final Pattern OUTER_JAR = Pattern.compile("(?:nested:|file:)([^!]*?\\.jar)");
    /** Readings of free recognition: when the best one means nothing, a next-best may. */
    private static final int ALTERNATIVES = 8;

    /** Idle recognisers kept, all phrase lists together (each holds its decoding graph: a few MB). */
    private static final int MAX_IDLE = 48;

    private final Model model;
    private final Map<String, ConcurrentLinkedDeque<Recognizer>> idleByGrammar = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger idleCount = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    public VoskRecognizer(Path modelDir) {
        if (modelDir == null || !Files.isDirectory(modelDir.resolve("am"))) {
            throw new IllegalStateException("no Vosk model at " + modelDir + ": build the project (mvn install unpacks the small "
                    + "English model to speech/target/vosk-model) or download one from https://alphacephei.com/vosk/models and "
                    + "point " + MODEL_ENV + " or -D" + MODEL_PROPERTY + " at it");
        }
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        try {
            model = new Model(modelDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Vosk could not load the model at " + modelDir, e);
        }
    }

    /**
     * The model named by {@value #MODEL_PROPERTY} or {@value #MODEL_ENV}; else the one the build unpacked (in the
     * source tree, or beside the jar that runs); else the one the jar carries, unpacked once into {@link VoskModelCache#defaultCache()}.
     */
    public static VoskRecognizer fromConfiguration() {
        Path dir = modelLocation();
        org.slf4j.LoggerFactory.getLogger(VoskRecognizer.class).info("Vosk model: {}", dir == null ? "none found" : dir.toAbsolutePath());
        return new VoskRecognizer(dir);
    }

    /** Where the model is (see {@link #fromConfiguration()}), or null when there is none. */
    public static Path modelLocation() {
        String configured = System.getProperty(MODEL_PROPERTY, System.getenv(MODEL_ENV));
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path built : List.of(Path.of("speech/target/vosk-model"), Path.of("../speech/target/vosk-model"))) {
            if (Files.isDirectory(built.resolve("am"))) {
                return built;
            }
        }
        Path besideJar = builtBesideRunningJar();
        if (besideJar != null) {
            return besideJar;
        }
        java.net.URL packed = VoskRecognizer.class.getResource(VoskModelCache.RESOURCE);
        if (packed == null) {
            return null;
        }
        try {
            // the archive's size names the cached copy, so another model in a newer jar is unpacked beside it
            long size = packed.openConnection().getContentLengthLong();
            return VoskModelCache.unpacked(VoskModelCache.defaultCache(), "vosk-model-en-" + size, () -> {
                try {
                    return packed.openStream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the Vosk model in the jar: " + e.getMessage(), e);
        }
    }

    /**
     * Run from a build tree ({@code campaign-service/target/dialer.jar}), the model the build unpacked is found
     * next to that jar wherever the command is started.
     */
    private static Path builtBesideRunningJar() {
        String location = String.valueOf(VoskRecognizer.class.getProtectionDomain().getCodeSource().getLocation());
        Matcher jar = OUTER_JAR.matcher(location);
        if (!jar.find()) {
            return null;
        }
        Path model = Path.of(jar.group(1)).toAbsolutePath().getParent().resolve("../../speech/target/vosk-model").normalize();
        return Files.isDirectory(model.resolve("am")) ? model : null;
    }

    @Override
    public Recognition recognize(Audio audio, List<String> phrases) {
        String grammar = grammar(phrases);
        Recognizer recognizer = borrow(grammar);
        try {
            byte[] pcm = withHeadroom(audio.resampled(Audio.WIDEBAND).pcm().clone());
            int chunk = Audio.WIDEBAND / 10 * 2;
            for (int off = 0; off < pcm.length; off += chunk) {
                int len = Math.min(chunk, pcm.length - off);
                byte[] part = new byte[len];
                System.arraycopy(pcm, off, part, 0, len);
                recognizer.acceptWaveForm(part, len);
            }
            long start = System.nanoTime();
            String json = recognizer.getFinalResult();
            return VoskJson.reading("", json, (System.nanoTime() - start) / 1_000_000);
        } finally {
            giveBack(grammar, recognizer);
        }
    }

    /**
     * A recogniser for {@code grammar} ("" for free recognition), idle from an earlier answer when there is one:
     * building one for a phrase list of some hundred sentences (Vosk estimates a language model from them and
     * composes it with the model's graph) costs more than decoding a short answer.
     */
    private Recognizer borrow(String grammar) {
        ConcurrentLinkedDeque<Recognizer> kept = idleByGrammar.get(grammar);
        Recognizer idle = kept == null ? null : kept.poll();
        if (idle != null) {
            idleCount.decrementAndGet();
            return idle;
        }
        try {
            Recognizer recognizer = grammar.isEmpty() ? new Recognizer(model, Audio.WIDEBAND) : new Recognizer(model, Audio.WIDEBAND, grammar);
            recognizer.setWords(true);
            recognizer.setMaxAlternatives(ALTERNATIVES);
            return recognizer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recogniser done with its answer: reset and kept for the next one (up to {@value #MAX_IDLE} in all). */
    private void giveBack(String grammar, Recognizer recognizer) {
        recognizer.reset();
        if (closed || idleCount.incrementAndGet() > MAX_IDLE) {
            idleCount.decrementAndGet();
            recognizer.close();
        } else {
            idleByGrammar.computeIfAbsent(grammar, g -> new ConcurrentLinkedDeque<>()).push(recognizer);
        }
    }

    /**
     * Telephone audio that MaryTTS or a loud line sends near full scale overshoots when upsampled and clips;
     * 6 dB of headroom keeps the recogniser's input clean (Vosk normalises the level itself).
     */
    static byte[] withHeadroom(byte[] pcm) {
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            int v = ((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))) / 2;
            pcm[i] = (byte) v;
            pcm[i + 1] = (byte) (v >> 8);
        }
        return pcm;
    }

    /**
     * Recognition as the callee speaks: each 20 ms frame is upsampled and given to Vosk at once, so when the
     * answer ends only the last fraction of a second is left to decode.
     */
    @Override
    public StreamingRecognition stream(List<String> phrases) {
        String grammar = grammar(phrases);
        return new VoskStream(borrow(grammar), r -> giveBack(grammar, r));
    }

    /** One answer streamed into one Vosk recogniser. */
    private static final class VoskStream implements StreamingRecognition {

        private final Recognizer recognizer;
        private final java.util.function.Consumer<Recognizer> done;
        private final StreamingUpsampler upsampler = new StreamingUpsampler();
        /** Segments Vosk closed by itself (at a pause) before the answer ended. */
        private final StringBuilder segments = new StringBuilder();
        private boolean closed;

        VoskStream(Recognizer recognizer, java.util.function.Consumer<Recognizer> done) {
            this.recognizer = recognizer;
            this.done = done;
        }

        @Override
        public synchronized void accept(byte[] pcm) {
            if (!closed) {
                feed(upsampler.accept(pcm));
            }
        }

        private void feed(byte[] wide) {
            if (wide.length > 0 && recognizer.acceptWaveForm(withHeadroom(wide), wide.length)) {
                segments.append(' ').append(VoskJson.reading("", recognizer.getResult(), 0).text());
            }
        }

        @Override
        public synchronized String partial() {
            if (closed) {
                return "";
            }
            return (segments + " " + VoskJson.partial(recognizer.getPartialResult())).trim();
        }

        @Override
        public synchronized Recognition finish() {
            long start = System.nanoTime();
            feed(upsampler.flush());
            String json = recognizer.getFinalResult();
            return VoskJson.reading(segments.toString(), json, (System.nanoTime() - start) / 1_000_000);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                done.accept(recognizer);
            }
        }
    }

    /** The phrase list as Vosk takes it, "" for none (free recognition). */
    private static String grammar(List<String> phrases) {
        return phrases == null || phrases.isEmpty() ? "" : VoskJson.grammar(phrases);
    }

    @Override
    public void close() {
        closed = true;
        idleByGrammar.values().forEach(idle -> {
            for (Recognizer r = idle.poll(); r != null; r = idle.poll()) {
                r.close();
            }
        });
        model.close();
    }
}
