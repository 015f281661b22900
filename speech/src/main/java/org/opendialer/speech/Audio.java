package org.opendialer.speech;

import java.util.Arrays;
import java.util.Objects;

/**
 * Mono 16-bit little-endian PCM at a sample rate: 8 kHz on telephone lines, 16 kHz for recognition.
 * Resampling is plain (averaging down, linear interpolation up), which is all speech at these rates needs.
 */
public record Audio(byte[] pcm, int sampleRate) {

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

    /** The same sound at {@code rate}. */
    public Audio resampled(int rate) {
        if (rate == sampleRate) {
            return this;
        }
        int n = (int) ((long) samples() * rate / sampleRate);
        byte[] out = new byte[n * 2];
        double step = (double) sampleRate / rate;
        for (int i = 0; i < n; i++) {
            double pos = i * step;
            int value;
            if (step > 1) {
                int from = (int) pos;
                int to = Math.min(samples(), (int) Math.ceil(pos + step));
                long sum = 0;
                for (int j = from; j < to; j++) {
                    sum += sample(j);
                }
                value = (int) (sum / Math.max(1, to - from));
            } else {
                int a = (int) pos;
                int b = Math.min(samples() - 1, a + 1);
                double frac = pos - a;
                value = (int) Math.round(sample(a) * (1 - frac) + sample(b) * frac);
            }
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
