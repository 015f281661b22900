package org.opendialer.speech.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opendialer.speech.Audio;
import org.opendialer.speech.asr.Recognition;
import org.opendialer.speech.asr.SpeechRecognizer;
import org.opendialer.speech.robot.Answer;

/**
 * Turn-taking on a live channel in simulated time: every step delivers one 20 ms frame of the callee and one
 * pacer tick at the same simulated instant, while the conversation runs on its own thread.
 */
class LiveAudioChannelTest {

    /** Hears "yes" in any audio with a voice in it. */
    private static final SpeechRecognizer EARS = (audio, phrases) -> {
        boolean voiced = false;
        for (int i = 0; i < audio.samples() && !voiced; i++) {
            voiced = Math.abs(audio.sample(i)) > 1000;
        }
        return new Recognition(voiced ? "yes" : "", voiced ? 0.9 : 0, 3);
    };
    private static final Audio PROMPT = tone(3 * 8000 * 2);

    /** A prompt the callee can tell from the silence between prompts. */
    private static Audio tone(int bytes) {
        byte[] pcm = new byte[bytes];
        for (int i = 0; i < bytes; i += 2) {
            pcm[i] = 100;
        }
        return new Audio(pcm, Audio.TELEPHONE);
    }

    private long promptFrames() {
        return sent.stream().filter(f -> !java.util.Arrays.equals(f, Frames.silence())).count();
    }

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<byte[]> sent = new CopyOnWriteArrayList<>();
    private final TurnTimings timings = new TurnTimings();
    private final LiveAudioChannel channel = new LiveAudioChannel(f -> sent.add(f), EARS, TurnTaking.DEFAULT, now::get, timings);
    private int frameNo;

    private void step(byte[] callee) {
        now.addAndGet(20_000_000L);
        channel.onAudio(callee);
        channel.tick();
    }

    private void silence(int frames) {
        for (int i = 0; i < frames; i++) {
            step(Frames.silence());
        }
    }

    private void voice(int frames) {
        for (int i = 0; i < frames; i++) {
            step(Frames.tone(6000, frameNo++));
        }
    }

    @Test
    void aPromptGoesOutOneFramePerTickToItsEnd() {
        silence(3);
        CompletableFuture<Boolean> played = CompletableFuture.supplyAsync(() -> channel.play(tone(8100)));
        Frames.await(channel::playing, "the prompt plays");
        silence(30);
        assertThat(played.join()).isTrue();
        // the line carries silence before and after; the last, short frame of the prompt is padded
        assertThat(sent).hasSize(33).allMatch(f -> f.length == TurnTaking.FRAME_BYTES);
        assertThat(promptFrames()).isEqualTo(8100 / TurnTaking.FRAME_BYTES + 1);
    }

    @Test
    void speechOverAPromptStopsItAtTheTickThatDetectsItAndBecomesTheAnswer() {
        CompletableFuture<Answer> conversation = CompletableFuture.supplyAsync(() -> {
            channel.play(PROMPT);
            return channel.hear("greeting", Duration.ofSeconds(5), List.of());
        });
        Frames.await(channel::playing, "the prompt plays");
        silence(50);
        voice(3);
        Frames.await(() -> !channel.playing(), "the prompt stopped");
        long promptFrames = promptFrames();
        voice(47);
        silence(TurnTaking.DEFAULT.endFrames());
        Answer answer = conversation.join();

        assertThat(promptFrames).isEqualTo(52).isLessThan(PROMPT.pcm().length / TurnTaking.FRAME_BYTES);
        assertThat(promptFrames()).as("nothing of the prompt after it stopped").isEqualTo(52);
        // onset at the first voiced frame, detected at the third, prompt stopped at that tick
        assertThat(timings.bargeInMillis()).containsExactly(40L);
        assertThat(answer.streamed().text()).isEqualTo("yes");
        // pre-roll, the speech, and the silence that ended it
        assertThat(answer.audio().samples()).isEqualTo((TurnTaking.DEFAULT.preRollFrames() + 50 + TurnTaking.DEFAULT.endFrames()) * 160);
    }

    @Test
    void anAnswerEndsAfterTheEndSilenceAndTheReplyLatencyRunsFromTheEndOfSpeechToItsFirstFrame() {
        CompletableFuture<Answer> heard = CompletableFuture.supplyAsync(() -> channel.hear("offer", Duration.ofSeconds(5), List.of()));
        Frames.await(channel::listening, "the robot listens");
        silence(20);
        voice(60);
        silence(TurnTaking.DEFAULT.endFrames() - 1);
        assertThat(heard).isNotDone();
        step(Frames.silence());
        assertThat(heard.join().streamed().text()).isEqualTo("yes");

        CompletableFuture<Boolean> reply = CompletableFuture.supplyAsync(() -> channel.play(PROMPT));
        Frames.await(channel::playing, "the reply plays");
        channel.tick();
        assertThat(timings.replyMillis()).containsExactly((TurnTaking.DEFAULT.endFrames() - 1) * 20L);
        channel.onHangup("hung up");
        assertThat(reply.join()).isFalse();
    }

    @Test
    void nothingSaidUntilTheNodesTimeoutIsSilence() {
        CompletableFuture<Answer> heard = CompletableFuture.supplyAsync(() -> channel.hear("offer", Duration.ofSeconds(2), List.of()));
        Frames.await(channel::listening, "the robot listens");
        silence(99);
        assertThat(heard).isNotDone();
        silence(1);
        assertThat(heard.join().streamed().silent()).isTrue();
        assertThat(timings.replyMillis()).isEmpty();
    }

    @Test
    void aCalleeWhoHangsUpEndsListeningAndPlaying() {
        CompletableFuture<Answer> heard = CompletableFuture.supplyAsync(() -> channel.hear("offer", Duration.ofSeconds(5), List.of()));
        Frames.await(channel::listening, "the robot listens");
        voice(10);
        channel.onHangup("hung up");
        assertThat(heard.join()).isNull();
        assertThat(channel.play(PROMPT)).isFalse();
        assertThat(channel.hangupReason()).isEqualTo("hung up");
    }
}
