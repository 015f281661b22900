package org.opendialer.speech.robot;

/** One exchange: the prompt, what was heard, the intent and its confidence, points earned, and timing. */
public record Turn(int no, String node, String prompt, String heard, String intent, double confidence, int points,
                   boolean question, long listenMillis, long latencyMillis) {
}
