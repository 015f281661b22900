package org.opendialer.speech.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.opendialer.speech.Audio;
import org.opendialer.speech.robot.AudioChannel;

/**
 * A live call's audio over FastAGI: prompts go out as WAV files in the shared sound directory played with
 * STREAM FILE, answers come back from RECORD FILE (ended by two seconds of silence or the timeout).
 */
final class AgiAudioChannel implements AudioChannel {

    private static final int END_OF_SPEECH_SILENCE_S = 2;

    private final AgiChannel channel;
    private final Path sounds;
    private final String call = UUID.randomUUID().toString();
    private int files;

    AgiAudioChannel(AgiChannel channel, Path sounds) {
        this.channel = channel;
        this.sounds = sounds;
    }

    @Override
    public boolean play(Audio prompt) {
        Path file = sounds.resolve("robot-" + call + "-" + (++files) + ".wav");
        try {
            WavFiles.write(prompt.resampled(Audio.TELEPHONE), file);
            channel.streamFile(withoutExtension(file));
            return true;
        } catch (AgiHangupException e) {
            return false;
        } catch (AgiException e) {
            throw new IllegalStateException("STREAM FILE failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    @Override
    public Audio listen(String nodeId, Duration timeout) {
        Path file = sounds.resolve("answer-" + call + "-" + (++files) + ".wav");
        try {
            channel.recordFile(withoutExtension(file), "wav", "#", (int) timeout.toMillis(), 0, false, END_OF_SPEECH_SILENCE_S);
            return Files.exists(file) ? WavFiles.read(file) : new Audio(new byte[0], Audio.TELEPHONE);
        } catch (AgiHangupException e) {
            return null;
        } catch (AgiException e) {
            throw new IllegalStateException("RECORD FILE failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    private static String withoutExtension(Path file) {
        String name = file.toString();
        return name.substring(0, name.length() - ".wav".length());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover sound file is harmless; the directory is swept by the operator
        }
    }
}
