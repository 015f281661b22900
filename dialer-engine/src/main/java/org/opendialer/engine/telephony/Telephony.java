package org.opendialer.engine.telephony;

import org.opendialer.engine.call.AttemptId;

/**
 * Places and controls calls. All methods are asynchronous and return at once; what happens to a call is
 * reported as {@link CallEvent}s to the listener, each naming its attempt.
 *
 * <p>Threading: implementations must be thread-safe; they deliver events on their own threads, and the
 * engine hands them over to its clock thread.
 */
public interface Telephony extends AutoCloseable {

    void setListener(CallEventListener listener);

    /** Places a call; a refused request still ends in an {@link CallEvent.CallEnded} for its attempt. */
    void originate(OriginateRequest request);

    /**
     * Calls the agent's phone once, for the whole session, and keeps it in the agent's own bridge (hearing silence
     * between calls) until {@link #disconnectAgent}; answered calls are then put through without ringing it again.
     *
     * @return true when the phone is on the line already (the simulated PBX); false when an
     *         {@link AgentLineEvent.AgentConnected} or {@link AgentLineEvent.AgentPhoneDropped} will follow
     */
    boolean connectAgent(AgentEndpoint agent);

    /** Hangs up the agent's line (the agent logged out); nothing is reported for it. */
    void disconnectAgent(long agentId);

    /**
     * Moves an answered call into the bridge where the agent's phone waits. It is connected when
     * {@link CallEvent.CallBridged} says the two are in one bridge; {@link CallEvent.AgentUnreached} when the
     * agent's phone is not there.
     */
    void bridge(AttemptId attempt, AgentEndpoint agent);

    /** Hands an answered call to the speech robot. */
    void sendToRobot(AttemptId attempt);

    /** Plays the safe-harbour message to a live callee no agent could take, then hangs up. */
    void playSafeHarbourAndHangup(AttemptId attempt);

    /** Leaves the campaign's message on an answering machine, then hangs up. */
    void leaveMessageAndHangup(AttemptId attempt);

    void hangup(AttemptId attempt);

    /**
     * Hands a live call on to {@code to} (blind transfer): the callee is dialled through to that number and the call
     * ends for the dialer at once ({@link CallEvent.CallEnded}, HUMAN, cause 16, "transferred to ..."), so the agent
     * is free; what the callee and the new party say is no longer followed.
     */
    default void transfer(AttemptId attempt, org.opendialer.engine.call.PhoneNumber to) {
        throw new UnsupportedOperationException("this telephony cannot transfer calls");
    }

    /** Lines that could take a new call right now across every server. */
    int freeLines();

    @Override
    default void close() {
    }
}
