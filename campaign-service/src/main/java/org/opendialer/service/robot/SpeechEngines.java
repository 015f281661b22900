package org.opendialer.service.robot;

import org.opendialer.speech.asr.VoskRecognizer;
import org.opendialer.speech.robot.Robot;
import org.opendialer.speech.tts.MaryTtsSynthesizer;
import org.opendialer.speech.tts.PromptCache;

/**
 * The process's speech engines, started on first use (loading the voice and the recognition model takes a
 * second or two and a few hundred MB, which dialling without the robot never needs).
 */
public final class SpeechEngines implements AutoCloseable {

    private PromptCache voice;
    private VoskRecognizer ears;
    private Robot robot;

    public synchronized Robot robot() {
        if (robot == null) {
            voice = new PromptCache(new MaryTtsSynthesizer(), null);
            ears = VoskRecognizer.fromConfiguration();
            robot = new Robot(voice, ears);
        }
        return robot;
    }

    /** The voice simulated callees answer with (also cached: personas repeat themselves). */
    public synchronized PromptCache voice() {
        robot();
        return voice;
    }

    @Override
    public synchronized void close() {
        if (ears != null) {
            ears.close();
        }
    }
}
