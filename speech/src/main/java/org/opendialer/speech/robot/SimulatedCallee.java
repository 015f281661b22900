package org.opendialer.speech.robot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opendialer.speech.Audio;
import org.opendialer.speech.tts.SpeechSynthesizer;

/**
 * A callee on a simulated line: its answers are spoken by the synthesiser at telephone quality, so the
 * robot hears them through the real recogniser.
 */
public final class SimulatedCallee implements AudioChannel {

    private final Persona persona;
    private final SpeechSynthesizer voice;
    private final List<String> heardPrompts = new ArrayList<>();
    private boolean hungUp;

    public SimulatedCallee(Persona persona, SpeechSynthesizer voice) {
        this.persona = persona;
        this.voice = voice;
    }

    @Override
    public boolean play(Audio prompt) {
        heardPrompts.add(prompt.seconds() + " s");
        return !hungUp;
    }

    @Override
    public Audio listen(String nodeId, Duration timeout) {
        String answer = persona.answer(nodeId);
        if ("(hangup)".equals(answer)) {
            hungUp = true;
            return null;
        }
        if ("(silence)".equals(answer) || answer.isBlank()) {
            return new Audio(new byte[(int) (timeout.toMillis() * Audio.TELEPHONE / 1000) * 2], Audio.TELEPHONE);
        }
        return voice.speak(answer, Audio.TELEPHONE).withSilence(0.5);
    }

    public int promptsPlayed() {
        return heardPrompts.size();
    }
}
