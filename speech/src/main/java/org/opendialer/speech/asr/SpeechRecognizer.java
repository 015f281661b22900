package org.opendialer.speech.asr;

import java.io.ByteArrayOutputStream;
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

    /**
     * Starts recognising an answer as it is spoken. This default keeps the audio and recognises it all at
     * {@link StreamingRecognition#finish()}; a streaming engine overrides it to do the work as frames come.
     */
    default StreamingRecognition stream(List<String> phrases) {
        ByteArrayOutputStream heard = new ByteArrayOutputStream();
        return new StreamingRecognition() {
            @Override
            public synchronized void accept(byte[] pcm) {
                heard.writeBytes(pcm);
            }

            @Override
            public String partial() {
                return "";
            }

            @Override
            public synchronized Recognition finish() {
                return recognize(new Audio(heard.toByteArray(), Audio.TELEPHONE), phrases);
            }

            @Override
            public void close() {
            }
        };
    }
}
