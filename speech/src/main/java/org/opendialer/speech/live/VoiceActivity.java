package org.opendialer.speech.live;

/**
 * Energy-based voice activity and end-of-speech detection on 20 ms frames of 8 kHz audio. A frame is voiced
 * when its level is well above the line's noise floor (tracked on unvoiced frames) and above an absolute
 * floor; speech starts after {@code onsetFrames} voiced frames in a row (the first of them is the onset) and
 * ends after {@code endFrames} unvoiced ones (the first of them is the end of speech). Not thread-safe: fed by
 * one thread.
 */
public final class VoiceActivity {

    /** What a frame changed. */
    public enum Change {
        NONE, SPEECH_STARTED, SPEECH_ENDED
    }

    private final TurnTaking settings;
    private double noise = 30;
    private int voicedRun;
    private int unvoicedRun;
    private boolean speaking;
    private long frames;
    private long onsetFrame = -1;
    private long endFrame = -1;

    public VoiceActivity(TurnTaking settings) {
        this.settings = settings;
    }

    public Change accept(byte[] frame) {
        frames++;
        double level = level(frame);
        boolean voiced = level > Math.max(settings.minimumLevel(), noise * settings.aboveNoise());
        if (!voiced) {
            // the floor follows the line's noise down at once and up slowly, so speech does not raise it
            noise = level < noise ? level : noise + 0.02 * (level - noise);
            noise = Math.max(noise, 1);
        }
        if (voiced) {
            voicedRun++;
            unvoicedRun = 0;
            if (!speaking && voicedRun >= settings.onsetFrames()) {
                speaking = true;
                onsetFrame = frames - voicedRun;
                return Change.SPEECH_STARTED;
            }
        } else {
            unvoicedRun++;
            voicedRun = 0;
            if (speaking && unvoicedRun >= settings.endFrames()) {
                speaking = false;
                endFrame = frames - unvoicedRun;
                return Change.SPEECH_ENDED;
            }
        }
        return Change.NONE;
    }

    public boolean speaking() {
        return speaking;
    }

    /** Frames seen so far; the onset and end below count in these (0 = the first frame). */
    public long frames() {
        return frames;
    }

    /** How many frames ago speech started (the first voiced frame of the run that started it). */
    public long framesSinceOnset() {
        return frames - onsetFrame;
    }

    /** How many frames ago speech ended (the first unvoiced frame after the last voiced one). */
    public long framesSinceEnd() {
        return frames - endFrame;
    }

    /** Root-mean-square amplitude of 16-bit little-endian samples. */
    static double level(byte[] frame) {
        double sum = 0;
        int n = frame.length / 2;
        for (int i = 0; i < n; i++) {
            int s = (short) ((frame[2 * i] & 0xFF) | (frame[2 * i + 1] << 8));
            sum += (double) s * s;
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }
}
