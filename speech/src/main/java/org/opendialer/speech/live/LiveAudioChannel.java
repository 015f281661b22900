package org.opendialer.speech.live;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.opendialer.speech.Audio;
import org.opendialer.speech.asr.Recognition;
import org.opendialer.speech.asr.SpeechRecognizer;
import org.opendialer.speech.asr.StreamingRecognition;
import org.opendialer.speech.robot.Answer;
import org.opendialer.speech.robot.AudioChannel;

/**
 * A live call's audio streamed both ways in 20 ms frames. The callee's frames (reading thread) go through
 * voice-activity detection; from the onset of speech (with a little audio before it) they are recognised as
 * they arrive. An answer ends {@link TurnTaking#endFrames()} after the voice stops. Prompts go out one frame
 * per {@link #tick()} (the pacer thread); when the callee starts speaking over a prompt, the prompt stops at
 * the next tick and what they say is the answer (barge-in). The conversation's thread blocks in {@link #play}
 * and {@link #hear}. Between prompts the line carries silence, frame by frame, until the call is gone (a hot
 * lead waits so for the engine to move it to an agent). Time comes from {@code nanos}, so tests drive it frame by frame.
 */
public final class LiveAudioChannel implements AudioChannel, AudioSocketCall.Listener, FramePacer.Paced {

    private static final long FRAME_NANOS = TurnTaking.FRAME_MILLIS * 1_000_000L;
    /** Sent whenever no prompt plays: Asterisk's AudioSocket() drops a connection that stays quiet for 2 s. */
    private static final byte[] SILENCE = new byte[TurnTaking.FRAME_BYTES];
    /** How often (in frames) the partial reading is refreshed while the callee speaks. */
    private static final int PARTIAL_EVERY = 5;

    private final Predicate<byte[]> sink;
    private final SpeechRecognizer ears;
    private final TurnTaking turns;
    private final LongSupplier nanos;
    private final TurnTimings timings;
    private final VoiceActivity voice;
    private final Object feeding = new Object();

    // guarded by this
    private final ArrayDeque<byte[]> recent = new ArrayDeque<>();
    private final List<byte[]> answer = new ArrayList<>();
    private boolean capturing;
    private boolean answerEnded;
    private boolean hungUp;
    private String hangupReason;
    private byte[] prompt;
    private int promptOffset;
    private boolean playing;
    private boolean bargedIn;
    private long onsetNanos;
    private long endNanos;
    private boolean listening;
    private boolean timedOut;
    private long deadlineNanos;
    private boolean replyPending;
    private long replyFromNanos;
    private StreamingRecognition stream;
    private int fed;
    private volatile String partial = "";

    /**
     * @param sink    sends one frame to the callee; false when the call is gone
     * @param ears    recognises answers (streaming when it can)
     * @param nanos   the time, in nanoseconds (System::nanoTime live)
     * @param timings where reply and barge-in latencies are counted
     */
    public LiveAudioChannel(Predicate<byte[]> sink, SpeechRecognizer ears, TurnTaking turns, LongSupplier nanos, TurnTimings timings) {
        this.sink = sink;
        this.ears = ears;
        this.turns = turns;
        this.nanos = nanos;
        this.timings = timings;
        this.voice = new VoiceActivity(turns);
    }

    @Override
    public void onAudio(byte[] pcm) {
        synchronized (this) {
            if (hungUp) {
                return;
            }
            long now = nanos.getAsLong();
            VoiceActivity.Change change = voice.accept(pcm);
            if (capturing) {
                answer.add(pcm);
            } else {
                recent.addLast(pcm);
                while (recent.size() > turns.preRollFrames() + turns.onsetFrames()) {
                    recent.removeFirst();
                }
            }
            if (change == VoiceActivity.Change.SPEECH_STARTED && !capturing) {
                capturing = true;
                if (!answerEnded) {
                    answer.clear();
                    fed = 0;
                }
                // else the callee goes on after a pause before the robot took the answer: one answer
                answerEnded = false;
                answer.addAll(recent);
                recent.clear();
                onsetNanos = now - (voice.framesSinceOnset() - 1) * FRAME_NANOS;
                if (playing) {
                    bargedIn = true;
                }
            } else if (capturing && (change == VoiceActivity.Change.SPEECH_ENDED
                    || answer.size() * (long) TurnTaking.FRAME_MILLIS >= turns.longestAnswer().toMillis())) {
                endAnswer(change == VoiceActivity.Change.SPEECH_ENDED ? now - (voice.framesSinceEnd() - 1) * FRAME_NANOS : now);
            }
        }
        pump();
    }

    private void endAnswer(long endedAt) {
        capturing = false;
        answerEnded = true;
        endNanos = endedAt;
        notifyAll();
    }

    @Override
    public synchronized void onHangup(String why) {
        hungUp = true;
        hangupReason = why;
        notifyAll();
    }

    /** Sends the next frame of the prompt being played, stops it on barge-in, ends a silent wait at its deadline. */
    @Override
    public void tick() {
        byte[] frame = null;
        synchronized (this) {
            if (hungUp) {
                return;
            }
            long now = nanos.getAsLong();
            if (playing && bargedIn) {
                playing = false;
                timings.bargeIn((now - onsetNanos) / 1_000_000);
                notifyAll();
                frame = SILENCE;
            } else if (playing) {
                frame = Arrays.copyOfRange(prompt, promptOffset, promptOffset + TurnTaking.FRAME_BYTES);
                if (promptOffset == 0 && replyPending) {
                    replyPending = false;
                    timings.reply((now - replyFromNanos) / 1_000_000);
                }
                promptOffset += TurnTaking.FRAME_BYTES;
                if (promptOffset >= prompt.length) {
                    playing = false;
                    notifyAll();
                }
            } else {
                frame = SILENCE;
            }
            if (listening && !capturing && !answerEnded && now >= deadlineNanos) {
                timedOut = true;
                notifyAll();
            }
        }
        if (frame != null && !sink.test(frame)) {
            onHangup("the call is gone");
        }
    }

    @Override
    public boolean play(Audio audio) {
        byte[] pcm = audio.resampled(Audio.TELEPHONE).pcm();
        synchronized (this) {
            if (hungUp) {
                return false;
            }
            if (capturing || answerEnded || pcm.length == 0) {
                // the callee is speaking already (or has just said something): they are not talked over
                return true;
            }
            prompt = pcm;
            promptOffset = 0;
            bargedIn = false;
            playing = true;
            while (playing && !hungUp) {
                waitQuietly();
            }
            playing = false;
            return !hungUp;
        }
    }

    @Override
    public Audio listen(String nodeId, Duration timeout) {
        Answer heard = hear(nodeId, timeout, List.of());
        return heard == null ? null : heard.audio();
    }

    @Override
    public Answer hear(String nodeId, Duration timeout, List<String> phrases) {
        StreamingRecognition recognition = ears.stream(phrases);
        try {
            synchronized (this) {
                if (hungUp) {
                    return null;
                }
                stream = recognition;
                listening = true;
                timedOut = false;
                deadlineNanos = nanos.getAsLong() + timeout.toNanos();
            }
            pump();
            List<byte[]> frames;
            List<byte[]> rest;
            synchronized (this) {
                while (!hungUp && !answerEnded && !timedOut) {
                    waitQuietly();
                }
                listening = false;
                if (hungUp) {
                    return null;
                }
                if (!answerEnded) {
                    return new Answer(new Audio(new byte[(int) (timeout.toMillis() * Audio.TELEPHONE / 1000) * 2], Audio.TELEPHONE),
                            new Recognition("", 0, 0));
                }
                answerEnded = false;
                frames = List.copyOf(answer);
                // the rest goes to this recogniser here: speech that starts now is the next answer's
                rest = List.copyOf(answer.subList(Math.min(fed, answer.size()), answer.size()));
                fed = answer.size();
                stream = null;
                replyPending = true;
                replyFromNanos = endNanos;
            }
            Recognition reading;
            synchronized (feeding) {
                rest.forEach(recognition::accept);
                reading = recognition.finish();
            }
            ByteArrayOutputStream pcm = new ByteArrayOutputStream(frames.size() * TurnTaking.FRAME_BYTES);
            frames.forEach(pcm::writeBytes);
            return new Answer(new Audio(pcm.toByteArray(), Audio.TELEPHONE), reading);
        } finally {
            synchronized (feeding) {
                synchronized (this) {
                    stream = null;
                }
                recognition.close();
            }
        }
    }

    /** Gives the recogniser the frames of the answer it has not had yet (outside the channel's lock: it takes time). */
    private void pump() {
        synchronized (feeding) {
            List<byte[]> pending;
            StreamingRecognition target;
            synchronized (this) {
                target = stream;
                if (target == null || fed >= answer.size()) {
                    return;
                }
                pending = List.copyOf(answer.subList(fed, answer.size()));
                fed = answer.size();
            }
            for (byte[] frame : pending) {
                target.accept(frame);
            }
            if (fed % PARTIAL_EVERY < pending.size()) {
                partial = target.partial();
            }
        }
    }

    /** What the recogniser has heard of the current answer so far. */
    public String partial() {
        return partial;
    }

    /** A prompt is going out now. */
    public synchronized boolean playing() {
        return playing;
    }

    /** The conversation waits for an answer now. */
    public synchronized boolean listening() {
        return listening;
    }

    public synchronized boolean hungUp() {
        return hungUp;
    }

    public synchronized String hangupReason() {
        return hangupReason;
    }

    private void waitQuietly() {
        try {
            wait(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hungUp = true;
            hangupReason = "interrupted";
        }
    }
}
