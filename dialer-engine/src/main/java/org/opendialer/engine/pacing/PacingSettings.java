package org.opendialer.engine.pacing;

/**
 * What a pacing policy is told about a campaign before it has seen any call: the manager's
 * expectations (talk and wrap time, share of dials a person answers) and the limits it must respect.
 *
 * @param expectedTalkSeconds  mean agent talk time of a live call, as the manager expects it
 * @param expectedWrapSeconds  mean wrap-up time after a call
 * @param expectedLiveRate     share of dials expected to reach a person
 * @param ringTimeoutSeconds   how long an unanswered call rings (never below 15)
 * @param connectDeadlineSeconds a live answer not connected within this time is abandoned (2)
 * @param abandonTarget        highest share of live answers that may be abandoned
 * @param hiddenAbandonRate    share of live answers lost where the dialer cannot see it: a person that
 *                             answering-machine detection mistook for a machine and hung up on. It is
 *                             taken off the abandon budget; 0 without detection.
 * @param maxLinesPerAgent     lines one staffed agent may have in progress at most
 * @param robotCapacity        concurrent conversations the speech robot takes (agentless mode)
 */
public record PacingSettings(double expectedTalkSeconds, double expectedWrapSeconds, double expectedLiveRate,
                             double ringTimeoutSeconds, double connectDeadlineSeconds, double abandonTarget,
                             double hiddenAbandonRate, double maxLinesPerAgent, int robotCapacity) {

    public PacingSettings {
        require(expectedTalkSeconds > 0, "expected talk time must be positive");
        require(expectedWrapSeconds >= 0, "expected wrap time must not be negative");
        require(expectedLiveRate > 0 && expectedLiveRate <= 1, "expected live rate must be in (0, 1]");
        require(ringTimeoutSeconds >= 15, "ring timeout must be at least 15 s");
        require(connectDeadlineSeconds >= 0 && connectDeadlineSeconds <= 2, "connect deadline must be 0-2 s");
        require(abandonTarget > 0 && abandonTarget < 1, "abandon target must be in (0, 1)");
        require(hiddenAbandonRate >= 0 && hiddenAbandonRate < abandonTarget,
                "hidden abandon rate must be below the abandon target");
        require(maxLinesPerAgent >= 1, "max lines per agent must be at least 1");
        require(robotCapacity >= 0, "robot capacity must not be negative");
    }

    public static PacingSettings defaults() {
        return new PacingSettings(180, 15, 0.25, 22, 2, 0.03, 0, 5, 0);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
