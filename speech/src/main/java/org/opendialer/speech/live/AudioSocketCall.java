package org.opendialer.speech.live;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call Asterisk connected to the media server: its UUID, audio to send, and the read loop that hands
 * the callee's audio to a listener. {@link #send} and {@link #hangup} are thread-safe.
 */
public final class AudioSocketCall {

    private static final Logger LOG = LoggerFactory.getLogger(AudioSocketCall.class);

    /** What the callee sends, on the call's reading thread. */
    public interface Listener {

        /** 20 ms (usually) of 8 kHz 16-bit audio from the callee. */
        void onAudio(byte[] pcm);

        /** The call is over: hung up, an error, or the connection closed. Called once. */
        void onHangup(String why);
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final UUID id;
    private volatile boolean closed;

    AudioSocketCall(Socket socket, DataInputStream in, UUID id) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 4096);
        this.id = id;
    }

    public UUID id() {
        return id;
    }

    public InetAddress peer() {
        return socket.getInetAddress();
    }

    /** Sends audio to the callee; false once the call is gone. */
    public boolean send(byte[] pcm) {
        if (closed) {
            return false;
        }
        try {
            synchronized (out) {
                AudioSocketFrame.audio(pcm).write(out);
            }
            return true;
        } catch (IOException e) {
            closed = true;
            return false;
        }
    }

    /** Ends the call: Asterisk leaves AudioSocket() and goes on in the dialplan (which hangs up). */
    public void hangup() {
        if (closed) {
            return;
        }
        try {
            synchronized (out) {
                AudioSocketFrame.hangup().write(out);
            }
        } catch (IOException e) {
            LOG.debug("call {}: hangup not sent: {}", id, e.getMessage());
        }
        close();
    }

    /** Closes the connection without a hangup message (Asterisk then leaves AudioSocket() too). */
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Reads until the call ends, handing audio to {@code listener}; returns when it has called onHangup. */
    void readUntilHangup(Listener listener) {
        String why = "connection closed";
        try {
            for (AudioSocketFrame frame = AudioSocketFrame.read(in); frame != null; frame = AudioSocketFrame.read(in)) {
                if (frame.kind() == AudioSocketFrame.Kind.AUDIO) {
                    listener.onAudio(frame.payload());
                } else if (frame.kind() == AudioSocketFrame.Kind.HANGUP) {
                    why = "hung up";
                    break;
                } else if (frame.kind() == AudioSocketFrame.Kind.ERROR) {
                    why = "Asterisk reported an error" + (frame.payload().length > 0 ? " (code " + (frame.payload()[0] & 0xFF) + ")" : "");
                    break;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            why = closed ? "hung up by the robot" : "connection failed: " + e.getMessage();
        } finally {
            close();
            listener.onHangup(why);
        }
    }
}
