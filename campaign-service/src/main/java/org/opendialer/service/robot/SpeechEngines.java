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

    private final java.nio.file.Path promptDir;
    private MaryTtsSynthesizer mary;
    private PromptCache voice;
    private VoskRecognizer ears;
    private Robot robot;

    /** Prompts kept in memory only. */
    public SpeechEngines() {
        this(null);
    }

    /** @param promptDir where rendered prompts are kept across restarts (null: memory only) */
    public SpeechEngines(java.nio.file.Path promptDir) {
        this.promptDir = promptDir;
    }

    /**
     * Renders the talk track's fixed prompts now (those without a lead's {field}) and loads what the robot
     * needs to understand answers, so the first callee waits for none of it.
     */
    public void prepare(org.opendialer.speech.script.TalkTrack track) {
        PromptCache cache = voice();
        robot().prepare(track);
        for (org.opendialer.speech.script.Node node : track.nodes().values()) {
            for (String text : new String[] {node.say(), node.noInputSay(), node.noMatchSay()}) {
                if (text != null && !text.contains("{")) {
                    cache.speak(text, org.opendialer.speech.Audio.TELEPHONE);
                }
            }
        }
    }

    /** The dialer's voice alone (campaign recordings need no recognition model). */
    public synchronized org.opendialer.speech.tts.SpeechSynthesizer synthesizer() {
        if (mary == null) {
            mary = new MaryTtsSynthesizer();
        }
        return mary;
    }

    public synchronized Robot robot() {
        if (robot == null) {
            voice = new PromptCache(synthesizer(), promptDir);
            ears = VoskRecognizer.fromConfiguration();
            robot = new Robot(voice, ears);
        }
        return robot;
    }

    /** The recogniser the robot hears callees with (streaming on live calls). */
    public synchronized org.opendialer.speech.asr.SpeechRecognizer ears() {
        robot();
        return ears;
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
