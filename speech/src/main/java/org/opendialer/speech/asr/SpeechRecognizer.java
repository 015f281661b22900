package org.opendialer.speech.asr;

import java.util.List;
import org.opendialer.speech.Audio;

/** Turns a callee's answer into text. Implementations must be thread-safe. */
public interface SpeechRecognizer {

    /**
     * Recognises {@code audio} (any rate; upsampled as the model needs).
     *
     * @param phrases if not empty, a phrase list that narrows recognition to what this step expects
     */
    Recognition recognize(Audio audio, List<String> phrases);
}
