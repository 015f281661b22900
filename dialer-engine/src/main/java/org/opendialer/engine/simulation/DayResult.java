package org.opendialer.engine.simulation;

/**
 * The ground truth of one simulated shift for one policy.
 *
 * @param staffedSeconds    agent time logged in and not paused (ready, on a call, wrapping up)
 * @param busySeconds       talk + wrap time
 * @param liveTalkSeconds   time agents talked to people (not machines)
 * @param liveAnswers       people who answered (whatever became of them)
 * @param abandoned         people who answered and reached no agent: dropped, hung up waiting, or hung up on
 *                          by machine detection
 * @param pacingAbandoned   the part of {@code abandoned} pacing caused (not machine detection)
 * @param liveAnswersByHour live answers per hour of the shift
 * @param abandonedByHour   abandoned per hour of the shift
 * @param agentWaits        seconds each connect found its agent idle beforehand
 */
public record DayResult(long seed, long callsPlaced, double staffedSeconds, double busySeconds, double liveTalkSeconds,
                        long liveAnswers, long liveConnects, long abandoned, long pacingAbandoned, long[] liveAnswersByHour,
                        long[] abandonedByHour, double[] agentWaits, double decisionMillisP50, double decisionMillisP99) {

    public double occupancy() {
        return staffedSeconds == 0 ? 0 : busySeconds / staffedSeconds;
    }

    public double abandonRate() {
        return liveAnswers == 0 ? 0 : (double) abandoned / liveAnswers;
    }
}
