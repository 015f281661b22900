package org.opendialer.service.web;

/** The request body is larger than the endpoint accepts; answered with 413 and what the limit is. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
