package org.opendialer.speech.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoiceActivityTest {

    @Test
    void speechStartsAfterTheOnsetFramesAndEndsAfterTheEndFramesOfSilence() {
        VoiceActivity vad = new VoiceActivity(TurnTaking.DEFAULT);
        for (int i = 0; i < 20; i++) {
            assertThat(vad.accept(Frames.silence())).isEqualTo(VoiceActivity.Change.NONE);
        }
        assertThat(vad.accept(Frames.tone(6000, 0))).isEqualTo(VoiceActivity.Change.NONE);
        assertThat(vad.accept(Frames.tone(6000, 1))).isEqualTo(VoiceActivity.Change.NONE);
        assertThat(vad.accept(Frames.tone(6000, 2))).isEqualTo(VoiceActivity.Change.SPEECH_STARTED);
        assertThat(vad.framesSinceOnset()).isEqualTo(3);
        for (int i = 3; i < 50; i++) {
            assertThat(vad.accept(Frames.tone(6000, i))).isEqualTo(VoiceActivity.Change.NONE);
        }
        for (int i = 1; i < TurnTaking.DEFAULT.endFrames(); i++) {
            assertThat(vad.accept(Frames.silence())).isEqualTo(VoiceActivity.Change.NONE);
        }
        assertThat(vad.accept(Frames.silence())).isEqualTo(VoiceActivity.Change.SPEECH_ENDED);
        assertThat(vad.framesSinceEnd()).isEqualTo(TurnTaking.DEFAULT.endFrames());
    }

    @Test
    void onANoisyLineOnlyAVoiceWellAboveTheNoiseIsSpeech() {
        VoiceActivity vad = new VoiceActivity(TurnTaking.DEFAULT);
        for (int i = 0; i < 200; i++) {
            assertThat(vad.accept(Frames.tone(350, i))).as("noise frame %d", i).isNotEqualTo(VoiceActivity.Change.SPEECH_STARTED);
        }
        // loud enough on a quiet line, but not three times the noise here
        for (int i = 0; i < 10; i++) {
            vad.accept(Frames.tone(1000, i));
        }
        assertThat(vad.speaking()).isFalse();
        VoiceActivity.Change last = VoiceActivity.Change.NONE;
        for (int i = 0; i < 3; i++) {
            last = vad.accept(Frames.tone(5000, i));
        }
        assertThat(last).isEqualTo(VoiceActivity.Change.SPEECH_STARTED);
    }

    @Test
    void aShortClickDoesNotStartSpeech() {
        VoiceActivity vad = new VoiceActivity(TurnTaking.DEFAULT);
        vad.accept(Frames.tone(8000, 0));
        vad.accept(Frames.tone(8000, 1));
        vad.accept(Frames.silence());
        vad.accept(Frames.tone(8000, 2));
        assertThat(vad.speaking()).isFalse();
    }
}
