package org.opendialer.speech.agi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.opendialer.speech.Audio;

/** Our audio as WAV files and back (16-bit mono PCM), the format Asterisk plays and records with "wav". */
public final class WavFiles {

    private WavFiles() {
    }

    public static void write(Audio audio, Path file) throws IOException {
        AudioFormat format = new AudioFormat(audio.sampleRate(), 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(audio.pcm()), format, audio.samples())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    public static Audio read(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, 1, 2, f.getSampleRate(), false);
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, in)) {
                return new Audio(converted.readAllBytes(), (int) f.getSampleRate());
            }
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + " is not a WAV recording: " + e.getMessage(), e);
        }
    }
}
