package org.opendialer.speech.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that ticks every 20 ms for every live call: each tick sends the next frame of a prompt being
 * played and checks the listening deadlines. Prompts therefore go out at the rate the callee hears them,
 * and stopping one (barge-in) takes effect at the next tick.
 */
public final class FramePacer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FramePacer.class);

    /** Something ticked every 20 ms. */
    public interface Paced {
        void tick();
    }

    private final Set<Paced> calls = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "robot-frame-pacer");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        return t;
    });

    public FramePacer() {
        thread.scheduleAtFixedRate(this::tickAll, TurnTaking.FRAME_MILLIS, TurnTaking.FRAME_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void add(Paced call) {
        calls.add(call);
    }

    public void remove(Paced call) {
        calls.remove(call);
    }

    private void tickAll() {
        for (Paced call : calls) {
            try {
                call.tick();
            } catch (RuntimeException e) {
                LOG.warn("Robot call tick failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
