package org.opendialer.speech.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opendialer.speech.Audio;
import org.opendialer.speech.asr.Recognition;
import org.opendialer.speech.asr.SpeechRecognizer;
import org.opendialer.speech.intent.IntentModels;
import org.opendialer.speech.robot.ConversationResult;
import org.opendialer.speech.robot.Robot;
import org.opendialer.speech.script.TalkTrack;
import org.opendialer.speech.script.TalkTrackLoader;
import org.opendialer.speech.tts.SpeechSynthesizer;

/**
 * A whole robot conversation through the media server, with a loopback client in Asterisk's place that
 * streams the callee in real time: the callee answers over the greeting, the robot stops it, hears "yes",
 * says goodbye and hangs up.
 */
class RobotMediaServerTest {

    private static final TalkTrack TRACK = TalkTrackLoader.parse("test.yaml", """
            name: Short
            start: greeting
            nodes:
              greeting:
                say: "Hello, do you have a minute?"
                on: {YES: bye, NO: bye}
                listen: 3
              bye:
                action: end
                say: "Goodbye."
                disposition: NOT_INTERESTED
            """);
    /** Every prompt is a second of a quiet tone, so the client can tell the robot's audio from silence. */
    private static final SpeechSynthesizer VOICE = new SpeechSynthesizer() {
        @Override
        public Audio speak(String text, int sampleRate) {
            byte[] pcm = new byte[sampleRate * 2];
            for (int i = 0; i < pcm.length / 2; i++) {
                pcm[2 * i] = (byte) (i % 40 < 20 ? 100 : -100);
                pcm[2 * i + 1] = (byte) (i % 40 < 20 ? 0 : -1);
            }
            return new Audio(pcm, sampleRate);
        }

        @Override
        public String voice() {
            return "test-tone";
        }
    };
    private static final SpeechRecognizer EARS = (audio, phrases) -> {
        for (int i = 0; i < audio.samples(); i++) {
            if (Math.abs(audio.sample(i)) > 1000) {
                return new Recognition("yes", 0.9, 1);
            }
        }
        return new Recognition("", 0, 1);
    };

    @Test
    void theCalleeBargesInIsHeardAndTheRobotHangsUp() throws Exception {
        UUID id = UUID.randomUUID();
        CompletableFuture<ConversationResult> result = new CompletableFuture<>();
        Robot robot = new Robot(VOICE, EARS, IntentModels.rulesOnly());
        try (RobotMediaServer server = new RobotMediaServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Set.of(InetAddress.getLoopbackAddress()), () -> EARS, TurnTaking.DEFAULT)) {
            server.expect(id, (channel, call) -> {
                result.complete(robot.converse(TRACK, channel, Map.of(), ZonedDateTime.now()));
                call.hangup();
            });
            try (Socket asterisk = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                asterisk.setSoTimeout(10_000);
                OutputStream out = asterisk.getOutputStream();
                AudioSocketFrame.uuid(id).write(out);
                AtomicInteger robotFrames = new AtomicInteger();
                CompletableFuture<AudioSocketFrame.Kind> last = CompletableFuture.supplyAsync(() -> {
                    try {
                        DataInputStream in = new DataInputStream(asterisk.getInputStream());
                        for (AudioSocketFrame f = AudioSocketFrame.read(in); f != null; f = AudioSocketFrame.read(in)) {
                            if (f.kind() != AudioSocketFrame.Kind.AUDIO) {
                                return f.kind();
                            }
                            if (!java.util.Arrays.equals(f.payload(), Frames.silence())) {
                                robotFrames.incrementAndGet();
                            }
                        }
                        return null;
                    } catch (java.io.IOException e) {
                        return null;
                    }
                });
                // 0.3 s of silence, 0.6 s of "speech" over the one-second greeting, then silence until the robot hangs up
                for (int frame = 0; frame < 250 && !last.isDone(); frame++) {
                    AudioSocketFrame.audio(frame >= 15 && frame < 45 ? Frames.tone(6000, frame) : Frames.silence()).write(out);
                    TimeUnit.MILLISECONDS.sleep(TurnTaking.FRAME_MILLIS); // the pace of a live line
                }
                assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(AudioSocketFrame.Kind.HANGUP);
                ConversationResult conversation = result.get(10, TimeUnit.SECONDS);
                assertThat(conversation.outcome()).isEqualTo(ConversationResult.Outcome.ENDED);
                assertThat(conversation.disposition()).isEqualTo("NOT_INTERESTED");
                assertThat(conversation.turns()).extracting(t -> t.node() + " " + t.intent()).containsExactly("greeting YES", "bye null");
                // the greeting stopped early; the goodbye played in full (50 frames)
                assertThat(robotFrames.get()).isBetween(50 + 15, 50 + 50 - 1);
                assertThat(server.timings().bargeInMillis()).hasSize(1);
                assertThat(server.timings().replyMillis()).hasSize(1);
            }
        }
    }
}
