package org.opendialer.speech.robot;

import java.time.Duration;
import org.opendialer.speech.Audio;

/**
 * One call's audio as the robot sees it: play a prompt, listen for the answer. FastAGI implements it on
 * Asterisk; {@link SimulatedCallee} answers with synthesised speech. Used by one conversation at a time.
 */
public interface AudioChannel {

    /** Plays {@code prompt}; false when the callee has hung up. */
    boolean play(Audio prompt);

    /**
     * Listens for the callee's answer to node {@code nodeId} for at most {@code timeout}: the recorded audio
     * (silence when nothing was said), or null when the callee hung up.
     */
    Audio listen(String nodeId, Duration timeout);
}
