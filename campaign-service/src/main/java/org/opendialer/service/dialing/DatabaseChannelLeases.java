package org.opendialer.service.dialing;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;
import org.opendialer.engine.asterisk.ChannelLeases;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.clock.DialerClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Asterisk servers' channels leased in the database ({@code asterisk_channel_leases}), so that every campaign of
 * every dialer instance on one database shares each server's maximum. A call takes the lowest free slot below
 * the maximum; the primary key (server, slot) settles two instances racing for one slot: one insert wins, the
 * other tries the next slot. Leases of a crashed instance are dropped by {@code AttemptRecovery} with its
 * attempts.
 */
public final class DatabaseChannelLeases implements ChannelLeases {

    private final JdbcTemplate jdbc;
    private final DialerClock clock;
    private final String instance;

    public DatabaseChannelLeases(JdbcTemplate jdbc, DialerClock clock, String instance) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instance = instance;
    }

    @Override
    public boolean acquire(String server, int maxChannels, AttemptId attempt) {
        Set<Integer> taken = new HashSet<>(jdbc.queryForList("SELECT slot FROM asterisk_channel_leases WHERE server_name = ?",
                Integer.class, server));
        for (int slot = 0; slot < maxChannels && taken.size() < maxChannels; slot++) {
            if (taken.contains(slot)) {
                continue;
            }
            try {
                jdbc.update("INSERT INTO asterisk_channel_leases (server_name, slot, attempt_id, instance_id, leased_at) "
                        + "VALUES (?, ?, ?, ?, ?)", server, slot, attempt.value(), instance, Timestamp.from(clock.now()));
                return true;
            } catch (DuplicateKeyException e) {
                if (holds(server, attempt)) {
                    return true; // asked twice for one attempt
                }
                taken.add(slot); // another instance took this slot a moment ago
            }
        }
        return false;
    }

    private boolean holds(String server, AttemptId attempt) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM asterisk_channel_leases WHERE server_name = ? AND attempt_id = ?",
                Integer.class, server, attempt.value()) > 0;
    }

    @Override
    public void release(String server, AttemptId attempt) {
        jdbc.update("DELETE FROM asterisk_channel_leases WHERE server_name = ? AND attempt_id = ?", server, attempt.value());
    }

    @Override
    public int inUse(String server) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM asterisk_channel_leases WHERE server_name = ?", Integer.class, server);
    }
}
