package org.opendialer.reports.ranking;

import java.util.Set;

/**
 * What the dialer knows about one lead's engagement, summed over all its attempts.
 *
 * @param attempts          calls placed to the lead
 * @param conversations     calls in which the callee talked to an agent or the robot
 * @param engagedCalls      conversations of at least 30 s
 * @param longestTalkSeconds the longest conversation
 * @param totalTalkSeconds  all conversations together
 * @param dispositions      agent disposition codes set on its attempts (e.g. SALE, INTERESTED)
 * @param intents           intents the robot tagged (e.g. INTERESTED, NOT_INTERESTED, DO_NOT_CALL, CALLBACK)
 * @param robotPoints       the talk track's interest points the callee collected
 * @param questions         questions the callee asked
 * @param turns             robot turns in which the callee was prompted
 * @param turnsAnswered     of those, the ones the callee answered
 * @param callbacks         callbacks booked for the lead (by an agent or the robot)
 * @param doNotCall         the callee asked not to be called (disposition, robot or DNC list)
 */
public record LeadEvidence(int attempts, int conversations, int engagedCalls, int longestTalkSeconds,
                           int totalTalkSeconds, Set<String> dispositions, Set<String> intents, int robotPoints,
                           int questions, int turns, int turnsAnswered, int callbacks, boolean doNotCall) {

    public LeadEvidence {
        dispositions = Set.copyOf(dispositions);
        intents = Set.copyOf(intents);
    }

    public static LeadEvidence none() {
        return new LeadEvidence(0, 0, 0, 0, 0, Set.of(), Set.of(), 0, 0, 0, 0, 0, false);
    }

    boolean said(String intentOrDisposition) {
        return dispositions.contains(intentOrDisposition) || intents.contains(intentOrDisposition);
    }
}
