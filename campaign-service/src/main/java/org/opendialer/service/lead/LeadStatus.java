package org.opendialer.service.lead;

/** Where a lead stands in its campaign. */
public enum LeadStatus {
    /** Imported, never dialled. */
    NEW,
    /** A call to it is in progress. */
    DIALING,
    /** To be dialled again when {@code next_attempt_at} is reached. */
    RETRY,
    /** A callback is booked for {@code next_attempt_at}. */
    CALLBACK,
    /** Finished: reached and dispositioned, or a wrong number. */
    DONE,
    /** On a do-not-call list: never dialled again. */
    DNC,
    /** Out of attempts. */
    EXHAUSTED;

    /** Statuses the hopper may pick from. */
    public static final String CALLABLE_SQL = "('NEW','RETRY','CALLBACK')";
}
