package org.opendialer.speech.script;

import java.util.List;
import java.util.Map;

/**
 * One step of a talk track.
 *
 * @param say         the prompt, with {@code {variable}} placeholders filled from the lead
 * @param action      what the node does
 * @param on          intent name to next node (ASK nodes)
 * @param points      interest points per intent heard here
 * @param listenSeconds how long to wait for an answer
 * @param phrases     optional phrase list that narrows recognition here
 * @param noInputSay  the re-prompt when nothing was heard; {@code retries} times, then {@code noInputNext}
 * @param noMatchSay  the re-prompt when the answer was not understood; then {@code noMatchNext}
 * @param next        the node after a CALLBACK node has booked its time
 * @param disposition the disposition an END node records
 * @param briefing    what the agent is told on a TRANSFER
 * @param intents     the node's own intents (or extra examples of built-in ones here), each with example answers
 */
public record Node(String id, String say, Action action, Map<String, String> on, Map<String, Integer> points,
                   double listenSeconds, List<String> phrases, String noInputSay, String noInputNext, String noMatchSay,
                   String noMatchNext, int retries, String next, String disposition, String briefing,
                   Map<String, List<String>> intents) {
}
