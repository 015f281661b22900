package org.opendialer.speech.tts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import marytts.LocalMaryInterface;
import marytts.MaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.opendialer.speech.Audio;

/**
 * MaryTTS in process with the {@code cmu-slt-hsmm} voice (16 kHz). Mary's interface is not safe to share
 * between threads, so synthesis is serialised; prompts are cached by {@link PromptCache} so this is rare.
 */
public final class MaryTtsSynthesizer implements SpeechSynthesizer {

    public static final String VOICE = "cmu-slt-hsmm";

    private final MaryInterface mary;

    public MaryTtsSynthesizer() {
        try {
            mary = new LocalMaryInterface();
            mary.setLocale(java.util.Locale.US);
            mary.setVoice(VOICE);
        } catch (MaryConfigurationException e) {
            throw new IllegalStateException("MaryTTS could not start (voice " + VOICE + "): " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Audio speak(String text, int sampleRate) {
        try (AudioInputStream stream = mary.generateAudio(text)) {
            AudioFormat format = stream.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, format.getSampleRate(), 16, 1, 2,
                    format.getSampleRate(), false);
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, stream)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                converted.transferTo(out);
                return new Audio(out.toByteArray(), (int) format.getSampleRate()).resampled(sampleRate);
            }
        } catch (SynthesisException | IOException e) {
            throw new IllegalStateException("MaryTTS could not speak '" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String voice() {
        return VOICE;
    }
}
