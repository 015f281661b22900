package org.opendialer.service.softphone;

import java.util.Optional;

/**
 * What the browser phone and the supervisor ask of Asterisk beyond the dialer's own calls. Channels are named as
 * Asterisk names them ({@code PJSIP/webrtc-7-00000012}); the dialer finds them by the unique ids it chose
 * ({@code dialer-<attempt>}, {@code dialer-agent-<agent>-<n>}). Each call blocks until Asterisk answered and throws
 * {@link PbxException} with Asterisk's words when it refused. Thread-safe.
 */
public interface Pbx {

    /** Asterisk reads its browser phones' file again ({@code module reload res_pjsip.so}). */
    void reloadPhones();

    /** The name of the live channel whose unique id starts with {@code uniqueIdPrefix}, if there is one. */
    Optional<String> channel(String uniqueIdPrefix);

    void hangup(String channel);

    /** Sends {@code channel} to {@code context,exten,1} of the dialplan. */
    void redirect(String channel, String context, String exten);

    /** Plays a keypad digit to whoever is on {@code channel}. */
    void playDigit(String channel, char digit);

    /** Pauses ({@code muted}) or resumes the recording on {@code channel} (MixMonitor's audio is silenced meanwhile). */
    void muteRecording(String channel, boolean muted);

    /**
     * Calls {@code phone} (e.g. {@code PJSIP/webrtc-3}) and, once answered, spies on {@code target} with ChanSpy's
     * {@code options} (q quiet, w whisper, B barge).
     */
    void spy(String phone, String target, String options, String callerId);

    /** Asterisk refused or did not answer. */
    final class PbxException extends RuntimeException {
        public PbxException(String message) {
            super(message);
        }
    }
}
