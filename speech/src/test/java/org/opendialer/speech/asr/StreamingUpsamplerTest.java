package org.opendialer.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.opendialer.speech.Audio;

class StreamingUpsamplerTest {

    @Test
    void upsamplingFrameByFrameGivesWhatUpsamplingTheWholeAnswerGives() {
        byte[] pcm = new byte[8000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < pcm.length / 2; i++) {
            int s = (int) (8000 * Math.sin(i * 0.3) + random.nextGaussian() * 500);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        StreamingUpsampler upsampler = new StreamingUpsampler();
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        for (int off = 0; off < pcm.length; off += 320) {
            streamed.writeBytes(upsampler.accept(java.util.Arrays.copyOfRange(pcm, off, off + 320)));
        }
        streamed.writeBytes(upsampler.flush());
        assertThat(streamed.toByteArray()).isEqualTo(new Audio(pcm, Audio.TELEPHONE).resampled(Audio.WIDEBAND).pcm());
    }
}
