package org.opendialer.speech.live;

import java.util.function.BooleanSupplier;

/** Test audio: 20 ms frames of silence, line noise or a voice-like tone, and a wait without sleeping blindly. */
final class Frames {

    private Frames() {
    }

    static byte[] silence() {
        return new byte[TurnTaking.FRAME_BYTES];
    }

    /** A 440 Hz tone at {@code amplitude}: voiced when loud, line noise when quiet. */
    static byte[] tone(int amplitude, int frameNo) {
        byte[] frame = new byte[TurnTaking.FRAME_BYTES];
        for (int i = 0; i < frame.length / 2; i++) {
            int n = frameNo * (frame.length / 2) + i;
            int s = (int) Math.round(amplitude * Math.sin(2 * Math.PI * 440 * n / 8000.0));
            frame[2 * i] = (byte) s;
            frame[2 * i + 1] = (byte) (s >> 8);
        }
        return frame;
    }

    /** Waits (spinning, up to 10 s) until another thread has made {@code condition} true. */
    static void await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.onSpinWait();
        }
    }
}
