package org.opendialer.engine.store;

import java.util.ArrayList;
import java.util.List;

/** Keeps every write in a list: the store of tests and simulations. Safe to read from any thread. */
public final class InMemoryAttemptStore implements AttemptStore {

    private final List<AttemptWrite> written = new ArrayList<>();
    private final List<Integer> batches = new ArrayList<>();

    @Override
    public synchronized void write(List<AttemptWrite> batch) {
        written.addAll(batch);
        batches.add(batch.size());
    }

    /** Every write stored so far, in order. */
    public synchronized List<AttemptWrite> written() {
        return List.copyOf(written);
    }

    /** The size of each batch stored, in order. */
    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batches);
    }
}
