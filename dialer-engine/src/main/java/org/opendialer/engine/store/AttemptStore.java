package org.opendialer.engine.store;

import java.util.List;

/**
 * Where attempts and agent states are kept: the database in the service, a list in memory here. Called on the
 * write-behind queue's own thread, never on the clock's.
 *
 * <p>Contract: a batch is stored whole or not at all (one transaction), its writes in their order; storing a write
 * again that was stored already changes nothing (a replay after a crash may repeat the last batches). A failure is
 * thrown; the queue retries the same batch.
 */
public interface AttemptStore {

    void write(List<AttemptWrite> batch);
}
