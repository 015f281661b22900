package org.opendialer.engine.call;

/** A lead's id in the service's database, as attempts and dispositions carry it. */
public record LeadId(long value) {
    public LeadId {
        if (value <= 0) {
            throw new IllegalArgumentException("lead id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
