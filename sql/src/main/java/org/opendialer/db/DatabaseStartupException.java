package org.opendialer.db;

/** The database cannot be used as configured; the message is one line telling the operator what to fix. */
public class DatabaseStartupException extends RuntimeException {
    public DatabaseStartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseStartupException(String message) {
        super(message);
    }
}
