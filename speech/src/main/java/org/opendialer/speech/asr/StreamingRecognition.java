package org.opendialer.speech.asr;

/**
 * One answer being recognised while the callee speaks: 8 kHz 16-bit frames go in as they arrive, a partial
 * reading can be asked for at any time, and {@link #finish()} gives the final reading once the answer has
 * ended. Used by one conversation at a time; {@link #accept} and {@link #finish} may come from different
 * threads, one after the other.
 */
public interface StreamingRecognition extends AutoCloseable {

    /** Feeds telephone audio (8 kHz, 16-bit little-endian mono). */
    void accept(byte[] pcm);

    /** What has been heard so far (may change as more audio comes); empty before any word. */
    String partial();

    /** The final reading of everything fed; {@link Recognition#millis()} is the time this call took. */
    Recognition finish();

    @Override
    void close();
}
