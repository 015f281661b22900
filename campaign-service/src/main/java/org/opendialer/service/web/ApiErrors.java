package org.opendialer.service.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the service's exceptions into JSON error bodies: {@code {"error": ..., "errors": [{field, message}]}}. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(InvalidRequestException.class)
    public ResponseEntity<Map<String, Object>> invalid(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid request", "errors", e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String message = e.getMostSpecificCause().getMessage();
        return ResponseEntity.badRequest().body(Map.of("error", "unreadable JSON body",
                "errors", List.of(new FieldError("body", message == null ? "malformed" : message.lines().findFirst().orElse("")))));
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    /** The engine refuses an agent command that does not fit the agent's state (e.g. ready while on a call). */
    @ExceptionHandler(IllegalStateException.class)
    public ResponseEntity<Map<String, Object>> wrongState(IllegalStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(ConflictException.class)
    public ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
}
