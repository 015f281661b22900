package org.opendialer.engine.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reserves attempt ids in blocks, so that placing a call needs no round trip to the database for its id: each
 * instance takes a block of ids no other instance will use. Called off the clock thread, ahead of need.
 */
public interface AttemptIdBlocks {

    /** Reserves {@code size} consecutive ids and returns the first. */
    long reserve(int size);

    /** Ids from a counter in memory, starting at {@code first}: for simulations and tests. */
    static AttemptIdBlocks inMemory(long first) {
        AtomicLong next = new AtomicLong(first);
        return size -> next.getAndAdd(size);
    }
}
