package org.opendialer.engine.pacing;

/**
 * Agentless (robot) dialling: calls go to the speech robot, so the limit is the robot's concurrent
 * conversations and the trunk lines. Dials as many calls as the expected answers fit into the robot
 * ports that are free or will be by then.
 */
public final class AgentlessPolicy implements PacingPolicy {

    @Override
    public String name() {
        return "agentless";
    }

    @Override
    public int callsToPlace(PacingSituation s) {
        CallStatistics stats = s.statistics();
        double expectedAnswers = s.waitingCalls();
        long now = s.nowMillis();
        long[] inFlight = s.dialsInFlightPlacedAt();
        stats.dialsUnresolved(now, inFlight);
        for (long placedAt : inFlight) {
            expectedAnswers += stats.routableGivenUnresolved((now - placedAt) / 1000.0);
        }
        double freePorts = s.settings().robotCapacity() - s.robotCalls() - expectedAnswers;
        if (freePorts <= 0) {
            return 0;
        }
        return (int) Math.floor(freePorts / Math.max(0.01, stats.routableProbability()));
    }

    @Override
    public double dialLevel(PacingSituation s) {
        int ports = s.settings().robotCapacity();
        return ports == 0 ? 0 : (double) s.callsInProgress() / ports;
    }
}
