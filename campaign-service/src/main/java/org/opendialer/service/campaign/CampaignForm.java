package org.opendialer.service.campaign;

import java.util.List;

/**
 * A campaign as the REST API and the UI send it. Every field is optional: on create the missing ones
 * take the defaults a professional dialer starts from, on edit they keep their stored value.
 * Times are {@code HH:mm}; instants ISO-8601; durations in seconds; grading weights as {@code key=value}
 * pairs (see the reports' GradingWeights).
 */
public record CampaignForm(String name, String mode, Double modeFactor, Long scriptId, String callerId,
                           String telephony, String defaultRegion, List<String> windowDays, String windowStart,
                           String windowEnd, List<String> holidays, Integer maxAttempts, Integer maxAttemptsPerDay,
                           Integer retryBusySeconds, Integer retryNoAnswerSeconds, Integer retryMachineSeconds,
                           Integer retryAbandonedSeconds, Integer retryFailedSeconds, Double abandonTarget,
                           String abandonWindow, Integer connectTimeoutMs, Integer ringTimeoutSeconds,
                           Boolean amdEnabled, String amdAction, Boolean recording, String leadOrder,
                           Integer expectedTalkSeconds, Double expectedLiveRate, Integer robotPorts,
                           Integer trunkLines, String reportZone, String scheduledStart, String scheduledStop,
                           String gradingWeights, Double amdFalseMachineShare, Double amdAuditShare) {

    /** A form with only a name: every other setting takes its default. */
    public static CampaignForm named(String name) {
        return new CampaignForm(name, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
