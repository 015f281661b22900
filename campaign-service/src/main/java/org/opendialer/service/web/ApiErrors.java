package org.opendialer.service.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns every exception a controller lets out into {@link Problems problem details}. The service's own
 * exceptions carry plain messages; anything unexpected is logged with a reference and answered 500 with only
 * that reference, so no SQL, class name or server path reaches a client. An {@link IllegalStateException} is
 * such an unexpected failure: a refused command that the client can resolve is a {@link ConflictException}.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidRequestException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        List<FieldError> errors = e.errors();
        String detail = errors.size() == 1 ? errors.get(0).message()
                : errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problems.of(HttpStatus.BAD_REQUEST, detail, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        FieldError problem = JsonBodyProblem.of(e);
        return Problems.of(HttpStatus.BAD_REQUEST, problem.field(), problem.message());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> mistyped(MethodArgumentTypeMismatchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, e.getName(),
                Problems.quote(e.getValue()) + " is not " + JsonBodyProblem.kind(e.getRequiredType()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, e.getParameterName(), "the parameter is required");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    public ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, e.getRequestPartName(), "the part is required");
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, null, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    public ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, null, e.getMessage());
    }

    /** A rule checked inside a handler (e.g. only an administrator changes administrators): 403, saying which rule. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> forbidden(org.springframework.security.access.AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, null, e.getMessage() == null ? "not allowed for your role" : e.getMessage());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    public ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body", e.getMessage());
    }

    /** The client went away (a page with a live stream closed): there is nobody to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    public void gone() {
        // nothing to send
    }

    /** Spring's own refusals (wrong method, media type, unknown path, upload too large) keep their status and plain text. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            String detail = known.getBody().getDetail();
            return Problems.of(known.getStatusCode(), null, detail == null ? known.getBody().getTitle() : detail);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Request failed (reference {})", reference, e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, null,
                "the server could not complete the request; it is logged under reference " + reference);
    }
}
