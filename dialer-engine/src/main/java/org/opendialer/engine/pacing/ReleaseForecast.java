package org.opendialer.engine.pacing;

/**
 * Knows exactly when each agent will next be free to take a call. Only a simulation can: it is what
 * the {@link OraclePolicy} is given, to show how close a real forecast gets.
 */
@FunctionalInterface
public interface ReleaseForecast {

    /** True when {@code agentId} will be ready to take a call at {@code atMillis}. */
    boolean freeAt(long agentId, long atMillis);
}
