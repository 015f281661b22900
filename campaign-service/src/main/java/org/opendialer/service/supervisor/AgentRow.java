package org.opendialer.service.supervisor;

/**
 * One logged-in agent as the supervisor sees them: state and time in it, the campaign, and the call's lead and
 * duration when there is a call ({@code attemptId} null between calls).
 */
public record AgentRow(long agentId, String name, String state, String pauseReason, long secondsInState, long campaignId,
                       String campaignName, Long attemptId, Long leadId, String leadName, Long callSeconds) {
}
