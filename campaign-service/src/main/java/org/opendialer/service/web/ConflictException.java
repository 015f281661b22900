package org.opendialer.service.web;

/** The request is sound but cannot be done in the current state (e.g. start a completed campaign); 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
