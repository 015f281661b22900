package org.opendialer.speech.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.opendialer.speech.asr.SpeechRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speech robot's live side: an {@link AudioSocketServer} whose calls are expected by UUID (the dialer
 * registers each robot call before it sends the call to {@code AudioSocket()}), one {@link LiveAudioChannel}
 * per call ticked by a shared {@link FramePacer}, and the conversation run on a worker of its own. Thread-safe.
 */
public final class RobotMediaServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RobotMediaServer.class);

    /** What to do with an expected call once it is connected; runs on its own worker and returns when done with it. */
    @FunctionalInterface
    public interface Conversation {
        void run(LiveAudioChannel channel, AudioSocketCall call);
    }

    private final AudioSocketServer server;
    private final FramePacer pacer = new FramePacer();
    private final Map<UUID, Conversation> expected = new ConcurrentHashMap<>();
    private final Supplier<SpeechRecognizer> ears;
    private final TurnTaking turns;
    private final TurnTimings timings = new TurnTimings();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger worker = new AtomicInteger();
    private final ExecutorService conversations = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "robot-conversation-" + worker.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * Listens on {@code bind} at once.
     *
     * @param ears the recogniser, asked for on the first call (loading a model takes a moment)
     * @throws IOException when the address cannot be bound
     */
    public RobotMediaServer(InetSocketAddress bind, Set<InetAddress> allowed, Supplier<SpeechRecognizer> ears, TurnTaking turns)
            throws IOException {
        this.ears = ears;
        this.turns = turns;
        this.server = new AudioSocketServer(bind, allowed, this::answer);
    }

    /** The call with {@code id} will connect; {@code conversation} takes it. */
    public void expect(UUID id, Conversation conversation) {
        expected.put(id, conversation);
    }

    /** The call will not connect after all (it ended before it reached the robot). */
    public void forget(UUID id) {
        expected.remove(id);
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public int port() {
        return server.port();
    }

    /** Connections refused: from a host that is not allowed, or without a UUID. */
    public int refused() {
        return server.refused();
    }

    /** Robot conversations on the line now. */
    public int liveCalls() {
        return live.get();
    }

    public TurnTimings timings() {
        return timings;
    }

    private AudioSocketCall.Listener answer(AudioSocketCall call) {
        Conversation conversation = expected.remove(call.id());
        if (conversation == null) {
            return null;
        }
        LiveAudioChannel channel = new LiveAudioChannel(call::send, ears.get(), turns, System::nanoTime, timings);
        pacer.add(channel);
        live.incrementAndGet();
        conversations.execute(() -> {
            try {
                conversation.run(channel, call);
            } catch (RuntimeException e) {
                LOG.warn("Robot conversation on call {} failed: {}", call.id(), e.toString(), e);
                call.hangup();
            } finally {
                live.decrementAndGet();
            }
        });
        // the line carries silence after the conversation until the call leaves (a hot lead waits for its agent)
        return new AudioSocketCall.Listener() {
            @Override
            public void onAudio(byte[] pcm) {
                channel.onAudio(pcm);
            }

            @Override
            public void onHangup(String why) {
                pacer.remove(channel);
                channel.onHangup(why);
            }
        };
    }

    @Override
    public void close() {
        server.close();
        pacer.close();
        conversations.shutdownNow();
    }
}
