package org.opendialer.engine.call;

/** One dial of one lead; the database row id of the attempt, also used as the AMI ActionID. */
public record AttemptId(long value) implements java.io.Serializable {
    public AttemptId {
        if (value <= 0) {
            throw new IllegalArgumentException("attempt id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
