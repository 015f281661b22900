package org.opendialer.speech.asr;

import java.io.ByteArrayOutputStream;
import org.opendialer.speech.Audio;

/**
 * Doubles 8 kHz telephone audio to 16 kHz frame by frame with the same windowed-sinc filter as
 * {@link Audio#resampled(int)}: each output sample is given once the input it needs has arrived, so the stream
 * of outputs equals resampling the whole answer at once. Keeps the answer's input (a few seconds).
 */
final class StreamingUpsampler {

    private static final int HALF = 16;

    private short[] input = new short[8000];
    private int n;
    private int emitted;

    /** The 16 kHz samples that {@code pcm} (8 kHz) completes. */
    byte[] accept(byte[] pcm) {
        if (n + pcm.length / 2 > input.length) {
            input = java.util.Arrays.copyOf(input, Math.max(2 * input.length, n + pcm.length / 2));
        }
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            input[n++] = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
        }
        return emit(false);
    }

    /** The rest, at the end of the answer. */
    byte[] flush() {
        return emit(true);
    }

    private byte[] emit(boolean all) {
        int last = all ? 2 * n : Math.max(emitted, 2 * (n - HALF));
        ByteArrayOutputStream out = new ByteArrayOutputStream((last - emitted) * 2);
        for (int i = emitted; i < last; i++) {
            double t = i * 0.5;
            int centre = (int) Math.floor(t);
            double sum = 0;
            for (int j = centre - HALF + 1; j <= centre + HALF; j++) {
                if (j < 0 || j >= n) {
                    continue;
                }
                double d = t - j;
                double window = 0.5 + 0.5 * Math.cos(Math.PI * d / HALF);
                double sinc = d == 0 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d);
                sum += input[j] * sinc * window;
            }
            int value = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
            out.write(value & 0xFF);
            out.write((value >> 8) & 0xFF);
        }
        emitted = last;
        return out.toByteArray();
    }
}
