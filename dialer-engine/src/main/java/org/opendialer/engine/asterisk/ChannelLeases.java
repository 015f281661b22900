package org.opendialer.engine.asterisk;

import org.opendialer.engine.call.AttemptId;

/**
 * The channels of each Asterisk server the dialer may use, shared by every campaign that dials through it, so a
 * server's maximum holds however many campaigns (and, with a shared store, dialer instances) use it. A call takes
 * a lease before its originate goes out and gives it back when it ends.
 *
 * <p>Threading: implementations are thread-safe; they are called from campaigns' clock threads and AMI event threads.
 */
public interface ChannelLeases {

    /**
     * Takes one of {@code server}'s {@code maxChannels} channels for {@code attempt}.
     *
     * @return false when all are taken
     */
    boolean acquire(String server, int maxChannels, AttemptId attempt);

    /** Gives back the channel {@code attempt} held on {@code server}; nothing happens if it held none. */
    void release(String server, AttemptId attempt);

    /** Channels of {@code server} taken now, by every campaign sharing these leases. */
    int inUse(String server);
}
