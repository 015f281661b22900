package org.opendialer.speech.robot;

import org.opendialer.speech.Audio;
import org.opendialer.speech.asr.Recognition;

/**
 * A callee's answer: its audio and, when the channel recognised it while it was spoken, that reading (null:
 * the robot recognises the audio itself).
 */
public record Answer(Audio audio, Recognition streamed) {

    public Answer {
        java.util.Objects.requireNonNull(audio, "audio");
    }
}
