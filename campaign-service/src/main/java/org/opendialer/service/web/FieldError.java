package org.opendialer.service.web;

/** One thing wrong with a request: the offending field (as the client sent it) and what would be right. */
public record FieldError(String field, String message) {
}
