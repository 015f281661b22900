package org.opendialer.speech.live;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robot's media server: Asterisk's {@code AudioSocket(<uuid>,host:port)} connects here for each robot
 * call and streams the callee's audio both ways in 20 ms frames. Only the configured Asterisk hosts may
 * connect; anyone else is disconnected at once. Each call gets its own reading thread; the
 * {@link CallHandler} says who listens to it.
 */
public final class AudioSocketServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AudioSocketServer.class);
    /** A peer that connects must say which call it is within this long. */
    private static final int UUID_TIMEOUT_MS = 5000;

    /** Takes a call that has said its UUID. */
    @FunctionalInterface
    public interface CallHandler {

        /**
         * @return who hears the callee (its methods run on the call's reading thread), or null to refuse the
         *         call (an unknown UUID): it is hung up
         */
        AudioSocketCall.Listener answer(AudioSocketCall call);
    }

    private final ServerSocket socket;
    private final Set<InetAddress> allowed;
    private final CallHandler handler;
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread acceptor;

    /**
     * Listens on {@code bind} at once.
     *
     * @param allowed the Asterisk hosts that may connect (addresses, resolved now)
     * @throws IOException when the address cannot be bound (port in use, address not local)
     */
    public AudioSocketServer(InetSocketAddress bind, Set<InetAddress> allowed, CallHandler handler) throws IOException {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("the robot's media server needs at least one allowed Asterisk host");
        }
        this.allowed = Set.copyOf(allowed);
        this.handler = handler;
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(bind, 64);
        acceptor = new Thread(this::acceptCalls, "robot-audiosocket-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Connections refused because they came from a host that is not allowed, or sent no UUID. */
    public int refused() {
        return refused.get();
    }

    private void acceptCalls() {
        while (!socket.isClosed()) {
            try {
                Socket peer = socket.accept();
                if (!allowed.contains(peer.getInetAddress())) {
                    refused.incrementAndGet();
                    LOG.warn("Robot media server refused a connection from {}: not one of the allowed Asterisk hosts {}",
                            peer.getInetAddress().getHostAddress(), allowed.stream().map(InetAddress::getHostAddress).toList());
                    peer.close();
                    continue;
                }
                Thread call = new Thread(() -> serve(peer), "robot-call-" + peer.getPort());
                call.setDaemon(true);
                call.start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.warn("Robot media server: accepting a call failed: {}", e.getMessage());
            }
        }
    }

    private void serve(Socket peer) {
        try {
            peer.setTcpNoDelay(true);
            peer.setSoTimeout(UUID_TIMEOUT_MS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(peer.getInputStream()));
            AudioSocketFrame first = AudioSocketFrame.read(in);
            if (first == null || first.kind() != AudioSocketFrame.Kind.UUID || first.payload().length != 16) {
                refused.incrementAndGet();
                LOG.warn("Robot media server: {} did not start with a call UUID ({}); disconnected",
                        peer.getInetAddress().getHostAddress(), first == null ? "nothing" : first.kind());
                peer.close();
                return;
            }
            peer.setSoTimeout(0);
            AudioSocketCall call = new AudioSocketCall(peer, in, first.asUuid());
            Thread.currentThread().setName("robot-call-" + call.id());
            AudioSocketCall.Listener listener = handler.answer(call);
            if (listener == null) {
                LOG.warn("Robot media server: no robot call is expected with UUID {}; hung up", call.id());
                call.hangup();
                return;
            }
            call.readUntilHangup(listener);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Robot media server: call from {} failed: {}", peer.getInetAddress().getHostAddress(), e.toString());
            try {
                peer.close();
            } catch (IOException ignored) {
                // gone already
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
