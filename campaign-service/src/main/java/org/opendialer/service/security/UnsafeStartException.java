package org.opendialer.service.security;

/** The server would start open to anyone who read the README; the message says what to change, in one line. */
public class UnsafeStartException extends RuntimeException {
    public UnsafeStartException(String message) {
        super(message);
    }
}
