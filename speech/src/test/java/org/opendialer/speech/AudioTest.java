package org.opendialer.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AudioTest {

    private static Audio tone(double hz, int rate, double seconds) {
        int n = (int) (rate * seconds);
        byte[] pcm = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            int v = (int) Math.round(10_000 * Math.sin(2 * Math.PI * hz * i / rate));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return new Audio(pcm, rate);
    }

    private static double rms(Audio a, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) a.sample(i) * a.sample(i);
        }
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void upsamplingKeepsDurationAndLoudnessOfSpeechBandSound() {
        Audio phone = tone(1000, 8000, 1.0);
        Audio wide = phone.resampled(16000);
        assertThat(wide.sampleRate()).isEqualTo(16000);
        assertThat(wide.seconds()).isEqualTo(1.0);
        assertThat(rms(wide, 1000, 15000)).isCloseTo(rms(phone, 500, 7500), org.assertj.core.data.Percentage.withPercentage(3));
    }

    @Test
    void downsamplingRemovesWhatTheLowerRateCannotCarry() {
        Audio high = tone(6000, 16000, 1.0); // above 4 kHz: must not fold back as a 2 kHz ghost
        Audio phone = high.resampled(8000);
        assertThat(rms(phone, 500, 7500)).isLessThan(rms(high, 1000, 15000) * 0.1);
        Audio speech = tone(1000, 16000, 1.0).resampled(8000);
        assertThat(rms(speech, 500, 7500)).isGreaterThan(6000);
    }
}
