package org.opendialer.engine.simulation;

/**
 * One policy's figures on one scenario, pooled over the simulated days.
 *
 * @param occupancy             (talk + wrap) / staffed time, staffed = logged in and not paused
 * @param abandonRate           abandoned / live answers, pooled over all days
 * @param maxHourlyAbandonRate  the worst hour of the shift, each hour pooled over all days
 * @param talkHoursPerAgentHour live talk time per staffed hour
 * @param connectsPerAgentHour  live calls connected per staffed hour
 * @param meanAgentWaitSeconds  how long agents were idle before each connect, on average
 * @param twoSecondCompliance   share of live answers not abandoned by pacing (machine detection aside)
 * @param daysOverTarget        share of days whose abandon rate was over the target
 */
public record PolicyResult(String policy, double occupancy, double abandonRate, double maxHourlyAbandonRate,
                           long liveAnswers, long abandoned, long callsPlaced, double agentHours,
                           double talkHoursPerAgentHour, double connectsPerAgentHour, double meanAgentWaitSeconds,
                           double p95AgentWaitSeconds, double twoSecondCompliance, double daysOverTarget,
                           int days, double decisionMillisP50, double decisionMillisP99) {
}
