package org.opendialer.service.leadimport;

/** The file cannot be imported at all (not a lead list, unreadable, no phone column); nothing was stored. */
public class ImportFailedException extends RuntimeException {
    public ImportFailedException(String message) {
        super(message);
    }
}
