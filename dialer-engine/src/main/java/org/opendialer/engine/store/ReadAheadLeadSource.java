package org.opendialer.engine.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.engine.dialer.LeadSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lead source refilled ahead on a thread of its own: the clock thread takes leads from memory and never waits for
 * the source (a hopper claiming leads from the database). Leads put back are handed to the source on that thread too.
 * A lead is checked once more as it is handed out ({@code stillCallable}, e.g. its calling window), since it may have
 * waited here across a window's close; one that is not goes back to the source.
 */
public final class ReadAheadLeadSource implements LeadSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadAheadLeadSource.class);

    private final LeadSource source;
    private final int ahead;
    private final Predicate<DialLead> stillCallable;
    private final Consumer<List<DialLead>> giveBack;
    private final ConcurrentLinkedDeque<DialLead> ready = new ConcurrentLinkedDeque<>();
    private final ExecutorService worker;
    private final AtomicBoolean refillAsked = new AtomicBoolean();
    private volatile String whyEmpty = "no callable leads left";

    /**
     * @param ahead         how many leads to hold ready
     * @param stillCallable checked on the clock thread as a lead is handed out
     * @param giveBack      takes leads back into the source (on the refill thread): not callable now, or returned
     */
    public ReadAheadLeadSource(String name, LeadSource source, int ahead, Predicate<DialLead> stillCallable,
                               Consumer<List<DialLead>> giveBack) {
        this.source = source;
        this.ahead = ahead;
        this.stillCallable = stillCallable;
        this.giveBack = giveBack;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dialer-hopper-" + name);
            thread.setDaemon(true);
            return thread;
        });
        askRefill();
    }

    @Override
    public Optional<DialLead> next() {
        try {
            while (true) {
                DialLead lead = ready.pollFirst();
                if (lead == null) {
                    return Optional.empty();
                }
                if (stillCallable.test(lead)) {
                    return Optional.of(lead);
                }
                onWorker(() -> giveBack.accept(List.of(lead)));
            }
        } finally {
            if (ready.size() < Math.max(1, ahead / 2)) {
                askRefill();
            }
        }
    }

    @Override
    public void putBack(DialLead lead, Instant notBefore) {
        onWorker(() -> source.putBack(lead, notBefore));
    }

    @Override
    public String whyEmpty() {
        return whyEmpty;
    }

    /** Leads held ready now. */
    public int ready() {
        return ready.size();
    }

    /** Drops the leads held ready that match, handing them back to the source (a number gone on a do-not-call list). */
    public void drop(Predicate<DialLead> which) {
        List<DialLead> dropped = new ArrayList<>();
        ready.removeIf(lead -> {
            boolean match = which.test(lead);
            if (match) {
                dropped.add(lead);
            }
            return match;
        });
        if (!dropped.isEmpty()) {
            onWorker(() -> giveBack.accept(dropped));
        }
    }

    /** Hands every lead held ready back to the source (the campaign pauses or stops); refilling waits for the next ask. */
    public void returnAll() {
        onWorker(() -> {
            List<DialLead> held = new ArrayList<>();
            for (DialLead lead; (lead = ready.pollFirst()) != null; ) {
                held.add(lead);
            }
            if (!held.isEmpty()) {
                giveBack.accept(held);
            }
        });
    }

    private void askRefill() {
        if (refillAsked.compareAndSet(false, true)) {
            onWorker(this::refill);
        }
    }

    private void refill() {
        refillAsked.set(false);
        while (ready.size() < ahead) {
            Optional<DialLead> lead = source.next();
            if (lead.isEmpty()) {
                whyEmpty = source.whyEmpty();
                return;
            }
            ready.addLast(lead.get());
        }
    }

    private void onWorker(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Lead source work failed (retried at the next ask): {}", e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed: the source gives its leads back itself
        }
    }

    /** Returns the leads held ready and stops the refill thread. */
    @Override
    public void close() {
        returnAll();
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
