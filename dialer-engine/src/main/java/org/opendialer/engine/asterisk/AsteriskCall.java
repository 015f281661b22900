package org.opendialer.engine.asterisk;

import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;

/**
 * One call the dialer placed, as far as Asterisk has told. Written by the AMI event thread of its server (and
 * the placing thread before the originate goes out), hence volatile fields.
 */
final class AsteriskCall {

    final AttemptId attempt;
    final String server;
    final String uniqueId;
    final boolean detect;
    final long placedAtMillis;
    final long ringTimeoutMillis;
    volatile String channel;
    volatile boolean ringing;
    volatile boolean answered;
    volatile AmdStatus amd;
    /** The cause of a HangupRequest, which a failed dial reports before (or instead of) the Hangup's. */
    volatile int requestedCause;
    /** OriginateResponse said the dial failed; -1 until it did. */
    volatile int failureReason = -1;
    /** Hangup arrived with this cause; -1 until it did. */
    volatile int hangupCause = -1;
    volatile String hangupText;
    /** The agent the call was sent to and not yet seen bridged with; 0 when none. */
    volatile long agentPending;
    volatile String agentEndpoint;

    AsteriskCall(AttemptId attempt, String server, String uniqueId, boolean detect, long placedAtMillis, long ringTimeoutMillis) {
        this.attempt = attempt;
        this.server = server;
        this.uniqueId = uniqueId;
        this.detect = detect;
        this.placedAtMillis = placedAtMillis;
        this.ringTimeoutMillis = ringTimeoutMillis;
    }

    /** The channel to act on: its name once known, else the unique id, which Asterisk's actions accept too. */
    String target() {
        return channel != null ? channel : uniqueId;
    }
}
