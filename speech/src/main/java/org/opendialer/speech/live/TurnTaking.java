package org.opendialer.speech.live;

import java.time.Duration;

/**
 * How the robot takes turns on a live line, in 20 ms frames: {@code onsetFrames} voiced frames start speech
 * (and stop a prompt: barge-in), {@code endFrames} unvoiced frames end an answer; {@code minimumLevel} is the
 * lowest RMS amplitude counted as voice and {@code aboveNoise} how far above the line's noise floor it must be;
 * {@code preRollFrames} of audio before the onset go to the recogniser too (the first sound is quiet);
 * {@code longestAnswer} cuts a callee who never pauses.
 */
public record TurnTaking(int onsetFrames, int endFrames, double minimumLevel, double aboveNoise, int preRollFrames,
                         Duration longestAnswer) {

    /** 20 ms of 8 kHz 16-bit mono. */
    public static final int FRAME_BYTES = 320;
    public static final int FRAME_MILLIS = 20;

    /** Speech after 60 ms, an answer ends 500 ms after the voice stops, 200 ms of pre-roll, 20 s at most. */
    public static final TurnTaking DEFAULT = new TurnTaking(3, 25, 300, 3.0, 10, Duration.ofSeconds(20));

    public TurnTaking {
        if (onsetFrames < 1 || endFrames < 1 || preRollFrames < 0) {
            throw new IllegalArgumentException("turn taking needs onsetFrames >= 1, endFrames >= 1, preRollFrames >= 0");
        }
        if (minimumLevel <= 0 || aboveNoise < 1) {
            throw new IllegalArgumentException("turn taking needs minimumLevel > 0 and aboveNoise >= 1");
        }
    }
}
