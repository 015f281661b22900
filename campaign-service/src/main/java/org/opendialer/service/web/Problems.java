package org.opendialer.service.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one shape every error of the API has: RFC 7807 problem details ({@code application/problem+json}) with
 * a plain {@code detail}, the offending {@code field} and the same text as {@code message} (the keys clients
 * read before problem details), and {@code errors}: every {@code {field, message}} when several fields are wrong.
 * Nothing from inside the server (SQL, class names, stack frames, file paths) is ever put into one.
 */
public final class Problems {

    /** Longest message sent back; a message quoting a huge value is cut, not the response inflated. */
    private static final int MAX_MESSAGE = 500;

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatusCode status, String detail, List<FieldError> errors) {
        List<FieldError> shown = errors.stream().map(e -> new FieldError(e.field(), cut(e.message()))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, cut(detail));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        if (!shown.isEmpty()) {
            problem.setProperty("field", shown.get(0).field());
        }
        problem.setProperty("message", problem.getDetail());
        problem.setProperty("errors", shown);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatusCode status, String field, String detail) {
        return of(status, detail, field == null ? List.of() : List.of(new FieldError(field, detail)));
    }

    /** The body of {@link #of} as a map, for the error page of requests that failed outside a controller. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** {@code text} quoted for a message, shortened when long. */
    public static String quote(Object text) {
        String s = String.valueOf(text);
        return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
    }

    private static String cut(String message) {
        if (message == null) {
            return null;
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
