package org.opendialer.service.cli;

/** A problem with what the user asked for (bad file, unknown campaign); printed as one line, exit code 1. */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
