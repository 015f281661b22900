package org.opendialer.speech.tts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendialer.speech.Audio;

/**
 * Renders each prompt once: kept in memory and on disk by (voice, rate, text), so a campaign's static
 * prompts are synthesised when it starts and lead-specific ones ("Hello {first_name}") on first use.
 */
public final class PromptCache implements SpeechSynthesizer {

    private final SpeechSynthesizer synthesizer;
    private final Path dir;
    private final Map<String, Audio> memory = new ConcurrentHashMap<>();

    /** @param dir where rendered prompts are kept across restarts; null for memory only */
    public PromptCache(SpeechSynthesizer synthesizer, Path dir) {
        this.synthesizer = synthesizer;
        this.dir = dir;
    }

    @Override
    public Audio speak(String text, int sampleRate) {
        String key = key(text, sampleRate);
        return memory.computeIfAbsent(key, k -> fromDiskOrRender(k, text, sampleRate));
    }

    public boolean cached(String text, int sampleRate) {
        return memory.containsKey(key(text, sampleRate));
    }

    private Audio fromDiskOrRender(String key, String text, int rate) {
        try {
            Path file = dir == null ? null : dir.resolve(key + ".pcm");
            if (file != null && Files.exists(file)) {
                return new Audio(Files.readAllBytes(file), rate);
            }
            Audio audio = synthesizer.speak(text, rate);
            if (file != null) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, key, ".tmp");
                Files.write(tmp, audio.pcm());
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return audio;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String key(String text, int rate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((voice() + "|" + rate + "|" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String voice() {
        return synthesizer.voice();
    }
}
