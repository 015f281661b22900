package org.opendialer.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.opendialer.engine.agent.AgentStateChange;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.dialer.AttemptLog;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.AttemptPhase;
import org.opendialer.engine.dialer.DialLead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempt log in front of a slow store: the clock thread only appends each write to the journal and the queue
 * and goes on; a thread of its own stores the writes in order, in batches of what has piled up, and retries a batch
 * the store refused until it takes it (nothing is dropped, nothing overtakes). Attempt ids come from blocks reserved
 * ahead on that thread, so opening an attempt needs no round trip either. Agent state changes go through the same
 * queue, in their order among the attempts' writes.
 *
 * <p>Crash safety: a write is acknowledged (the dialer acts on it: the call is placed, the agent routed) once it is
 * in the journal. A killed process leaves the journal behind; {@link WriteJournal#replay} stores what it holds at the
 * next start, before open attempts are recovered, and every write is idempotent, so a batch stored just before the
 * crash may be stored again harmlessly.
 */
public final class WriteBehindAttemptLog implements AttemptLog, Consumer<AgentStateChange>, AutoCloseable {

    /** Writes stored in one transaction at most. */
    public static final int MAX_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehindAttemptLog.class);
    private static final long RETRY_FIRST_MILLIS = 100;
    private static final long RETRY_LONGEST_MILLIS = 5_000;

    private final AttemptStore store;
    private final AttemptIdBlocks ids;
    private final int idBlock;
    private final WriteJournal journal;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Object lock = new Object();
    /** Ids handed out from [next, end); the following block once the writer has reserved it (0: not yet). */
    private long nextId;
    private long endId;
    private volatile long prefetched;
    private volatile boolean prefetchWanted;
    private volatile boolean closing;
    private volatile long stored;
    private volatile long acknowledged;
    private volatile long failures;

    private record Queued(long seq, AttemptWrite write) {
    }

    /**
     * @param name    names the writer thread (e.g. the campaign)
     * @param idBlock how many attempt ids to reserve at a time
     */
    public WriteBehindAttemptLog(String name, AttemptStore store, AttemptIdBlocks ids, int idBlock, WriteJournal journal) {
        this.store = store;
        this.ids = ids;
        this.idBlock = idBlock;
        this.journal = journal;
        // two blocks before the first call, so that a first burst of calls never waits for the second
        this.nextId = ids.reserve(idBlock);
        this.endId = nextId + idBlock;
        this.prefetched = ids.reserve(idBlock);
        this.writer = new Thread(this::writeLoop, "dialer-attempt-writer-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    // ---- the clock thread's side: append and go on --------------------------------------------

    @Override
    public AttemptId open(CampaignId campaign, DialLead lead, Instant placedAt) {
        AttemptId id = new AttemptId(nextId());
        enqueue(new AttemptWrite.Opened(id, campaign, lead, placedAt));
        return id;
    }

    @Override
    public void progressed(AttemptId attempt, AttemptPhase phase, Instant at, long agentId) {
        enqueue(new AttemptWrite.Progressed(attempt, phase, at, agentId));
    }

    @Override
    public void locatedOn(AttemptId attempt, String server, String channel, String uniqueId) {
        enqueue(new AttemptWrite.Located(attempt, server, channel, uniqueId));
    }

    @Override
    public void closed(AttemptOutcome outcome) {
        enqueue(new AttemptWrite.Closed(outcome));
    }

    @Override
    public void accept(AgentStateChange change) {
        enqueue(new AttemptWrite.AgentStateChanged(change));
    }

    private void enqueue(AttemptWrite write) {
        if (closing) {
            throw new IllegalStateException("the attempt log is closed: " + write);
        }
        synchronized (lock) { // the journal's order is the queue's order
            queue.add(new Queued(journal.append(write), write));
            acknowledged++;
        }
    }

    private long nextId() {
        if (nextId == endId) {
            long first = prefetched;
            if (first == 0) {
                // the writer has not reserved the next block yet (the store is down or slow): reserve it here
                LOG.warn("Attempt ids ran out before the next block was reserved: reserving it on the dialer's thread");
                first = ids.reserve(idBlock);
            }
            prefetched = 0;
            nextId = first;
            endId = first + idBlock;
            prefetchWanted = true;
        }
        return nextId++;
    }

    // ---- the writer's side ---------------------------------------------------------------------

    private void writeLoop() {
        List<Queued> batch = new ArrayList<>();
        while (true) {
            try {
                prefetchIds();
                Queued first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                storeUntilTaken(batch);
                batch.clear();
            } catch (InterruptedException e) {
                return; // closed with writes not stored: they stay in the journal for the next start
            }
        }
    }

    private void prefetchIds() {
        if (prefetchWanted) {
            try {
                prefetched = ids.reserve(idBlock);
                prefetchWanted = false;
            } catch (RuntimeException e) {
                LOG.warn("Could not reserve the next block of attempt ids: {}", e.getMessage());
            }
        }
    }

    private void storeUntilTaken(List<Queued> batch) throws InterruptedException {
        List<AttemptWrite> writes = new ArrayList<>(batch.size());
        for (Queued queued : batch) {
            writes.add(queued.write());
        }
        long wait = RETRY_FIRST_MILLIS;
        while (true) {
            try {
                sync();
                store.write(writes);
                long last = batch.get(batch.size() - 1).seq();
                journal.done(last);
                stored += writes.size();
                return;
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("Storing {} attempt write(s) failed, retrying in {} ms: {}", writes.size(), wait, e.getMessage());
                Thread.sleep(wait);
                wait = Math.min(RETRY_LONGEST_MILLIS, wait * 2);
                prefetchIds();
            }
        }
    }

    /** A journal that cannot be synced still holds the writes for a killed process; the store is the durable copy. */
    private void sync() {
        try {
            journal.sync();
        } catch (RuntimeException e) {
            LOG.warn("The attempt journal could not be synced: {}", e.getMessage());
        }
    }

    // ---- for the service and tests -------------------------------------------------------------

    /** Writes acknowledged and not stored yet. */
    public long pending() {
        return acknowledged - stored;
    }

    /** Batches the store refused so far (each retried until taken). */
    public long failures() {
        return failures;
    }

    /** Waits until every write acknowledged so far is stored; false when {@code most} passed first. */
    public boolean flush(Duration most) {
        long target = acknowledged;
        long until = System.nanoTime() + most.toNanos();
        while (stored < target) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stored >= target;
            }
        }
        return true;
    }

    /**
     * Stores what is queued (waiting up to {@code most}) and stops the writer. What is still not stored then stays in
     * the journal for the next start.
     */
    public void close(Duration most) {
        closing = true;
        try {
            writer.join(most.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("{} attempt write(s) not stored at close; they stay in the journal for the next start", pending());
            writer.interrupt();
        } else {
            journal.close();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
