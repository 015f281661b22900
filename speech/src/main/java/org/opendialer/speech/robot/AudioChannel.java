package org.opendialer.speech.robot;

import java.time.Duration;
import java.util.List;
import org.opendialer.speech.Audio;

/**
 * One call's audio as the robot sees it: play a prompt, listen for the answer. The live media server
 * ({@code LiveAudioChannel}) streams it over AudioSocket, FastAGI plays and records files, and
 * {@link SimulatedCallee} answers with synthesised speech. Used by one conversation at a time.
 */
public interface AudioChannel {

    /** Plays {@code prompt} (to its end, or until the callee starts speaking over it); false when the callee has hung up. */
    boolean play(Audio prompt);

    /**
     * Listens for the callee's answer to node {@code nodeId} for at most {@code timeout}: the recorded audio
     * (silence when nothing was said), or null when the callee hung up.
     */
    Audio listen(String nodeId, Duration timeout);

    /**
     * Listens as {@link #listen} does; a channel that recognises the answer while it is spoken (with
     * {@code phrases} as the phrase list when there are any) gives that reading too.
     *
     * @return the answer, or null when the callee hung up
     */
    default Answer hear(String nodeId, Duration timeout, List<String> phrases) {
        Audio audio = listen(nodeId, timeout);
        return audio == null ? null : new Answer(audio, null);
    }
}
