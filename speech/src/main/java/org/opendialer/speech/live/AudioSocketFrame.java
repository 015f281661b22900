package org.opendialer.speech.live;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * One message of Asterisk's AudioSocket protocol: a kind byte, a 16-bit big-endian payload length and the
 * payload. Asterisk sends the call's UUID first, then 8 kHz signed-linear audio (20 ms = 320 bytes per
 * message), and a hangup or an error at the end; we send audio and, to end the call, a hangup.
 */
public record AudioSocketFrame(Kind kind, byte[] payload) {

    /** The message kinds of the protocol. */
    public enum Kind {
        HANGUP(0x00), UUID(0x01), DTMF(0x03), AUDIO(0x10), ERROR(0xff);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown AudioSocket message kind 0x" + Integer.toHexString(code));
        }
    }

    /** The longest payload a message can carry. */
    public static final int MAX_PAYLOAD = 0xFFFF;

    public AudioSocketFrame {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("AudioSocket payload of " + payload.length + " bytes is over " + MAX_PAYLOAD);
        }
    }

    /** The next message, or null at the end of the stream. */
    public static AudioSocketFrame read(DataInputStream in) throws IOException {
        int kind = in.read();
        if (kind < 0) {
            return null;
        }
        try {
            int length = in.readUnsignedShort();
            byte[] payload = new byte[length];
            in.readFully(payload);
            return new AudioSocketFrame(Kind.of(kind), payload);
        } catch (EOFException e) {
            return null;
        }
    }

    public void write(OutputStream out) throws IOException {
        byte[] message = new byte[3 + payload.length];
        message[0] = (byte) kind.code;
        message[1] = (byte) (payload.length >> 8);
        message[2] = (byte) payload.length;
        System.arraycopy(payload, 0, message, 3, payload.length);
        out.write(message);
        out.flush();
    }

    public static AudioSocketFrame audio(byte[] pcm) {
        return new AudioSocketFrame(Kind.AUDIO, pcm);
    }

    public static AudioSocketFrame hangup() {
        return new AudioSocketFrame(Kind.HANGUP, new byte[0]);
    }

    public static AudioSocketFrame uuid(UUID id) {
        return new AudioSocketFrame(Kind.UUID, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }

    /** The call's id in a {@link Kind#UUID} message. */
    public UUID asUuid() {
        if (kind != Kind.UUID || payload.length != 16) {
            throw new IllegalStateException("not an AudioSocket UUID message: " + kind + " of " + payload.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        return new UUID(b.getLong(), b.getLong());
    }
}
