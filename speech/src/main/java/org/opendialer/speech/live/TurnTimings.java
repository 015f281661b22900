package org.opendialer.speech.live;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How fast the robot took its turns, over many calls: from the end of the callee's speech to the first audio
 * of the robot's reply, and from the onset of the callee's speech over a prompt to the prompt stopped.
 * Thread-safe.
 */
public final class TurnTimings {

    private final List<Long> replies = new ArrayList<>();
    private final List<Long> bargeIns = new ArrayList<>();

    synchronized void reply(long millis) {
        replies.add(millis);
    }

    synchronized void bargeIn(long millis) {
        bargeIns.add(millis);
    }

    /** End of the callee's speech → first frame of the robot's reply sent, in ms, in order. */
    public synchronized List<Long> replyMillis() {
        return List.copyOf(replies);
    }

    /** Onset of the callee's speech during a prompt → the prompt's last frame sent, in ms. */
    public synchronized List<Long> bargeInMillis() {
        return List.copyOf(bargeIns);
    }

    /** The {@code p}-th percentile (nearest rank) of {@code values}, or -1 when there are none. */
    public static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
