package org.opendialer.speech.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The media server against a loopback client that speaks AudioSocket as Asterisk's AudioSocket() does. */
class AudioSocketServerTest {

    private static final UUID CALL = UUID.fromString("00000000-0000-4000-8000-000000000042");
    private final List<byte[]> heard = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> hangups = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<AudioSocketCall> calls = new ArrayBlockingQueue<>(4);
    private AudioSocketServer server;

    private AudioSocketServer server(Set<InetAddress> allowed) throws IOException {
        server = new AudioSocketServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), allowed, call -> {
            if (!call.id().equals(CALL)) {
                return null;
            }
            calls.add(call);
            return new AudioSocketCall.Listener() {
                @Override
                public void onAudio(byte[] pcm) {
                    heard.add(pcm);
                }

                @Override
                public void onHangup(String why) {
                    hangups.add(why);
                }
            };
        });
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Socket asterisk(UUID id) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(5000);
        AudioSocketFrame.uuid(id).write(socket.getOutputStream());
        return socket;
    }

    @Test
    void framesFlowBothWaysAndAHangupEndsTheCall() throws Exception {
        server(Set.of(InetAddress.getLoopbackAddress()));
        try (Socket asterisk = asterisk(CALL)) {
            OutputStream out = asterisk.getOutputStream();
            for (int i = 0; i < 5; i++) {
                AudioSocketFrame.audio(Frames.tone(3000, i)).write(out);
            }
            AudioSocketCall call = calls.poll(5, TimeUnit.SECONDS);
            assertThat(call).isNotNull();
            assertThat(call.id()).isEqualTo(CALL);
            assertThat(call.send(Frames.tone(1000, 0))).isTrue();
            DataInputStream in = new DataInputStream(asterisk.getInputStream());
            AudioSocketFrame back = AudioSocketFrame.read(in);
            assertThat(back.kind()).isEqualTo(AudioSocketFrame.Kind.AUDIO);
            assertThat(back.payload()).isEqualTo(Frames.tone(1000, 0));

            AudioSocketFrame.hangup().write(out);
            assertThat(hangups.poll(5, TimeUnit.SECONDS)).isEqualTo("hung up");
            assertThat(heard).hasSize(5);
            assertThat(heard.get(4)).isEqualTo(Frames.tone(3000, 4));
        }
    }

    @Test
    void theRobotsHangupReachesAsteriskAsAHangupMessage() throws Exception {
        server(Set.of(InetAddress.getLoopbackAddress()));
        try (Socket asterisk = asterisk(CALL)) {
            calls.poll(5, TimeUnit.SECONDS).hangup();
            DataInputStream in = new DataInputStream(asterisk.getInputStream());
            assertThat(AudioSocketFrame.read(in).kind()).isEqualTo(AudioSocketFrame.Kind.HANGUP);
            assertThat(AudioSocketFrame.read(in)).isNull();
            assertThat(hangups.poll(5, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void anUnexpectedCallIsHungUp() throws Exception {
        server(Set.of(InetAddress.getLoopbackAddress()));
        try (Socket asterisk = asterisk(UUID.randomUUID())) {
            DataInputStream in = new DataInputStream(asterisk.getInputStream());
            assertThat(AudioSocketFrame.read(in).kind()).isEqualTo(AudioSocketFrame.Kind.HANGUP);
            assertThat(AudioSocketFrame.read(in)).isNull();
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void aPeerThatIsNotAnAllowedAsteriskHostIsDisconnectedBeforeItSaysAnything() throws Exception {
        server(Set.of(InetAddress.getByName("192.0.2.7")));
        try (Socket stranger = asterisk(CALL)) {
            assertThat(stranger.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(server.refused()).isEqualTo(1);
        assertThat(calls).isEmpty();
    }

    @Test
    void aPeerThatDoesNotStartWithAUuidIsDisconnected() throws Exception {
        server(Set.of(InetAddress.getLoopbackAddress()));
        try (Socket confused = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            confused.setSoTimeout(5000);
            AudioSocketFrame.audio(Frames.silence()).write(confused.getOutputStream());
            assertThat(confused.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(server.refused()).isEqualTo(1);
    }

    @Test
    void framesAreReadAndWrittenAsKindLengthPayload() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        AudioSocketFrame.audio(new byte[] {1, 2, 3, 4}).write(out);
        assertThat(out.toByteArray()).containsExactly(0x10, 0, 4, 1, 2, 3, 4);
        AudioSocketFrame uuid = AudioSocketFrame.read(new DataInputStream(new java.io.ByteArrayInputStream(
                toBytes(AudioSocketFrame.uuid(CALL)))));
        assertThat(uuid.asUuid()).isEqualTo(CALL);
    }

    private static byte[] toBytes(AudioSocketFrame frame) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        frame.write(out);
        return out.toByteArray();
    }
}
