package org.opendialer.service.disposition;

import java.util.Optional;

/** What a disposition does to its lead. */
public enum DispositionEffect {
    /** The lead is done (unless it is on a do-not-call list already). */
    FINAL,
    /** The lead is called again after the campaign's no-answer delay. */
    RETRY,
    /** The number goes on the global do-not-call list at once. */
    DNC,
    /** A callback is booked at the time the agent gives. */
    CALLBACK;

    /** The effect named by {@code name} in any case, or empty when it names none. */
    public static Optional<DispositionEffect> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (DispositionEffect effect : values()) {
            if (effect.name().equals(name.trim().toUpperCase())) {
                return Optional.of(effect);
            }
        }
        return Optional.empty();
    }
}
