package org.opendialer.speech.robot;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * How a robot conversation ended: its outcome, the disposition to record, the callback time (callee's zone)
 * when one was booked, the briefing an agent gets on a transfer, every turn and the interest points earned.
 */
public record ConversationResult(Outcome outcome, String disposition, ZonedDateTime callbackAt, String briefing,
                                 List<Turn> turns, int points) {

    public enum Outcome {
        TRANSFERRED, CALLBACK, DNC, ENDED, HUNG_UP, MACHINE
    }
}
