package org.opendialer.speech;

import java.util.Arrays;
import java.util.Objects;

/**
 * Mono 16-bit little-endian PCM at a sample rate: 8 kHz on telephone lines, 16 kHz for recognition.
 */
public record Audio(byte[] pcm, int sampleRate) {

    /** Half the length of the resampling filter, in samples of the lower rate. */
    private static final int TAPS = 16;
    public static final int TELEPHONE = 8000;
    public static final int WIDEBAND = 16000;

    public Audio {
        Objects.requireNonNull(pcm, "pcm");
        if (pcm.length % 2 != 0) {
            throw new IllegalArgumentException("16-bit audio needs an even number of bytes, got " + pcm.length);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive");
        }
    }

    public int samples() {
        return pcm.length / 2;
    }

    public double seconds() {
        return (double) samples() / sampleRate;
    }

    public short sample(int i) {
        return (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
    }

    /**
     * The same sound at {@code rate}, resampled with a Hann-windowed sinc filter (cut at the lower of the two
     * Nyquist frequencies), so upsampled telephone audio carries no mirror images above 4 kHz for the
     * recogniser to stumble on.
     */
    public Audio resampled(int rate) {
        if (rate == sampleRate) {
            return this;
        }
        int n = samples();
        int outSamples = (int) ((long) n * rate / sampleRate);
        double step = (double) sampleRate / rate;
        double cutoff = Math.min(1.0, (double) rate / sampleRate);
        int half = (int) Math.ceil(TAPS / cutoff);
        byte[] out = new byte[outSamples * 2];
        for (int i = 0; i < outSamples; i++) {
            double t = i * step;
            int centre = (int) Math.floor(t);
            double sum = 0;
            for (int j = centre - half + 1; j <= centre + half; j++) {
                if (j < 0 || j >= n) {
                    continue;
                }
                double d = (t - j) * cutoff;
                double window = 0.5 + 0.5 * Math.cos(Math.PI * (t - j) / half);
                double sinc = d == 0 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d);
                sum += sample(j) * sinc * window * cutoff;
            }
            int value = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
            out[2 * i] = (byte) value;
            out[2 * i + 1] = (byte) (value >> 8);
        }
        return new Audio(out, rate);
    }

    /** This sound followed by {@code seconds} of silence. */
    public Audio withSilence(double seconds) {
        byte[] out = Arrays.copyOf(pcm, pcm.length + 2 * (int) Math.round(seconds * sampleRate));
        return new Audio(out, sampleRate);
    }
}
