package org.opendialer.engine.dialer;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.opendialer.engine.call.AttemptId;

/**
 * The campaign's calls not ended yet and the counts pacing reads: one instance shared by the dialer's parts, touched on
 * the clock thread only.
 */
final class Calls {

    final Map<AttemptId, Attempt> attempts = new HashMap<>();
    /** Live answers waiting for an agent, oldest first. */
    final ArrayDeque<Attempt> waiting = new ArrayDeque<>();
    /** Dialled and not answered or ended yet. */
    int inFlight;
    /** With an agent (or on the way to one). */
    int connected;
    int robotCalls;
    long callsPlaced;
    long answered;
    long abandoned;
}
