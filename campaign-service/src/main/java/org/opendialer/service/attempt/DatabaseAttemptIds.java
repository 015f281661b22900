package org.opendialer.service.attempt;

import org.opendialer.engine.store.AttemptIdBlocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attempt ids reserved in blocks from {@code attempt_id_blocks}, shared by every instance on the database: one short
 * transaction per block, never one per call. A block starts past the highest id in {@code call_attempts}, so rows
 * written some other way are never collided with.
 */
public final class DatabaseAttemptIds implements AttemptIdBlocks {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public DatabaseAttemptIds(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public long reserve(int size) {
        return tx.execute(status -> {
            Long next = jdbc.queryForObject("SELECT next_id FROM attempt_id_blocks WHERE name = 'call_attempts' FOR UPDATE", Long.class);
            Long used = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM call_attempts", Long.class);
            long first = Math.max(next, used + 1);
            jdbc.update("UPDATE attempt_id_blocks SET next_id = ? WHERE name = 'call_attempts'", first + size);
            return first;
        });
    }
}
