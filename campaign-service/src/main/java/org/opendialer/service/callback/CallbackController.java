package org.opendialer.service.callback;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Callbacks over REST: book one for a lead (callee-local time or an instant), list a campaign's, cancel one. */
@RestController
public class CallbackController {

    private final CallbackService callbacks;

    public CallbackController(CallbackService callbacks) {
        this.callbacks = callbacks;
    }

    /** {@code at}: the callee's local date-time ({@code 2026-12-01T15:00}) or an instant with offset. */
    public record BookCallback(String at, Long agentId, String note) {
    }

    @PostMapping("/api/leads/{leadId}/callbacks")
    @ResponseStatus(HttpStatus.CREATED)
    public Callback book(@PathVariable long leadId, @RequestBody BookCallback request) {
        if (request.at() == null || request.at().isBlank()) {
            throw new InvalidRequestException("at", "when to call back, e.g. 2026-12-01T15:00 in the callee's local time");
        }
        String at = request.at().trim();
        try {
            if (at.endsWith("Z") || at.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return callbacks.bookAt(leadId, OffsetDateTime.parse(at).toInstant(), request.agentId(), "API", request.note(), null);
            }
            return callbacks.book(leadId, LocalDateTime.parse(at), request.agentId(), "API", request.note(), null);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("at", "'" + at + "' is not a date-time such as 2026-12-01T15:00");
        }
    }

    @GetMapping("/api/campaigns/{id}/callbacks")
    public List<Callback> list(@PathVariable long id, @RequestParam(required = false) String status) {
        return callbacks.forCampaign(id, status == null ? null : status.toUpperCase());
    }

    @DeleteMapping("/api/callbacks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void cancel(@PathVariable long id) {
        callbacks.cancel(id);
    }
}
