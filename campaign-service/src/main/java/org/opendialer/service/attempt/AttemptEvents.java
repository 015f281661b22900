package org.opendialer.service.attempt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where attempt events go. Listeners are called on the thread that stored the event, inside its transaction
 * when it has one, so they must be quick; one that fails is logged and the others still hear the event (what is
 * stored stays stored).
 */
public final class AttemptEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptEvents.class);

    private final List<Consumer<AttemptEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Events nobody listens to: one-shot commands and tests that do not ask. */
    public static AttemptEvents none() {
        return new AttemptEvents();
    }

    public void listen(Consumer<AttemptEvent> listener) {
        listeners.add(listener);
    }

    void publish(AttemptEvent event) {
        for (Consumer<AttemptEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on {}: {}", event, e.getMessage());
            }
        }
    }
}
