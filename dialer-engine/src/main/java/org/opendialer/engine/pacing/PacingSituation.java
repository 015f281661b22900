package org.opendialer.engine.pacing;

import java.util.Collection;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.compliance.AbandonGovernor;

/**
 * The floor as a pacing policy sees it at one tick. A live view: read it during the call to
 * {@link PacingPolicy#callsToPlace}, do not keep it.
 */
public interface PacingSituation {

    long nowMillis();

    Collection<Agent> agents();

    int readyAgents();

    int onCallAgents();

    int wrapUpAgents();

    /** Ready, on a call or wrapping up. */
    default int staffedAgents() {
        return readyAgents() + onCallAgents() + wrapUpAgents();
    }

    /** When each dial still unanswered (dialling or ringing) was placed, epoch millis. */
    long[] dialsInFlightPlacedAt();

    default int dialsInFlight() {
        return dialsInFlightPlacedAt().length;
    }

    /** Answered calls waiting for an agent right now. */
    int waitingCalls();

    /** Lines in use: dials in flight, waiting calls, calls talking to agents or the robot. */
    int callsInProgress();

    /** Answered calls talking to the speech robot. */
    int robotCalls();

    /** Calls placed since the dialer started (monotonic). */
    long callsPlaced();

    /** Routable answers (live, or machines passed on as live) since the dialer started (monotonic). */
    long answered();

    /** Routable answers abandoned since the dialer started (monotonic). */
    long abandoned();

    CallStatistics statistics();

    AbandonGovernor governor();

    PacingSettings settings();

    /**
     * Share of live answers lost where the dialer cannot see it (people machine detection hung up on), to be
     * taken off the abandon budget: as the settings state it, or as the campaign's AMD audit measures it now.
     */
    default double hiddenAbandonRate() {
        return settings().hiddenAbandonRate();
    }
}
