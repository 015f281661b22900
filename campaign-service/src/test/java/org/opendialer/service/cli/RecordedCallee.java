package org.opendialer.service.cli;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.opendialer.speech.Audio;
import org.opendialer.speech.robot.Persona;
import org.opendialer.speech.robot.Turn;
import org.opendialer.speech.tts.SpeechSynthesizer;

/**
 * A SIPp callee's recording for a robot call: a persona's answers spoken by the synthesiser, placed in time
 * along the conversation the simulated loop had with the same persona. The first answer comes while the
 * greeting still plays (a barge-in); each later one some time after the robot's prompt has ended. Written
 * as raw u-law, as SIPp's {@code rtp_stream} plays it.
 */
final class RecordedCallee {

    /** From the callee's answer to the first frame of the robot's greeting (AMI answer, redirect, connect). */
    private static final double ROBOT_STARTS = 0.6;
    private static final double BARGE_IN_AFTER = 1.5;
    /** The robot's reply to an answer starts about this long after it. */
    private static final double REPLY_GAP = 0.7;
    /** The callee lets the robot's prompt end and then waits this long before answering. */
    private static final double THINKING = 0.8;

    private RecordedCallee() {
    }

    static byte[] ulaw(Persona persona, List<Turn> simulated, SpeechSynthesizer voice) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        double at = ROBOT_STARTS;
        boolean first = true;
        for (Turn turn : simulated) {
            if (turn.heard() == null) {
                continue;
            }
            double prompt = voice.speak(turn.prompt(), Audio.TELEPHONE).seconds();
            double start = first ? at + Math.min(BARGE_IN_AFTER, prompt / 2) : at + prompt + THINKING;
            first = false;
            Audio answer = voice.speak(persona.answer(turn.node()), Audio.TELEPHONE);
            silenceUntil(pcm, start);
            pcm.writeBytes(answer.pcm());
            at = start + answer.seconds() + REPLY_GAP;
        }
        silenceUntil(pcm, at + 3);
        return encode(pcm.toByteArray());
    }

    private static void silenceUntil(ByteArrayOutputStream pcm, double seconds) {
        int bytes = 2 * (int) Math.round(seconds * Audio.TELEPHONE);
        if (bytes > pcm.size()) {
            pcm.writeBytes(new byte[bytes - pcm.size()]);
        }
    }

    /** G.711 u-law of 16-bit little-endian samples. */
    static byte[] encode(byte[] pcm) {
        byte[] out = new byte[pcm.length / 2];
        for (int i = 0; i < out.length; i++) {
            int s = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
            int sign = s < 0 ? 0x80 : 0;
            int magnitude = Math.min(Math.abs(s), 32635) + 0x84;
            int exponent = 7;
            for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
                exponent--;
            }
            int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
            out[i] = (byte) ~(sign | (exponent << 4) | mantissa);
        }
        return out;
    }
}
