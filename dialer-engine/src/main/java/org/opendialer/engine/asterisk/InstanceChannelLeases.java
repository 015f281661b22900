package org.opendialer.engine.asterisk;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.opendialer.engine.call.AttemptId;

/**
 * Channel leases held in memory: shared by the campaigns of one dialer instance that are given the same object.
 * Several instances on one database share theirs through a database-backed {@link ChannelLeases} instead.
 */
public final class InstanceChannelLeases implements ChannelLeases {

    private final Map<String, Set<AttemptId>> held = new HashMap<>();

    @Override
    public synchronized boolean acquire(String server, int maxChannels, AttemptId attempt) {
        Set<AttemptId> taken = held.computeIfAbsent(server, s -> new HashSet<>());
        if (taken.contains(attempt)) {
            return true;
        }
        if (taken.size() >= maxChannels) {
            return false;
        }
        taken.add(attempt);
        return true;
    }

    @Override
    public synchronized void release(String server, AttemptId attempt) {
        Set<AttemptId> taken = held.get(server);
        if (taken != null) {
            taken.remove(attempt);
        }
    }

    @Override
    public synchronized int inUse(String server) {
        Set<AttemptId> taken = held.get(server);
        return taken == null ? 0 : taken.size();
    }
}
