package org.opendialer.service.callback;

import java.util.List;
import org.opendialer.service.security.AgentAccess;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Callbacks over REST: book one for a lead (callee-local time or an instant, up to a year ahead), list a
 * campaign's, cancel one. An agent books for themselves (or for any agent, with no {@code agentId}).
 */
@RestController
public class CallbackController {

    private static final List<String> STATUSES = List.of("PENDING", "FIRED", "DONE", "MISSED", "CANCELLED");

    private final CallbackService callbacks;
    private final AgentAccess access;

    public CallbackController(CallbackService callbacks, AgentAccess access) {
        this.callbacks = callbacks;
        this.access = access;
    }

    /** {@code at}: the callee's local date-time ({@code 2026-12-01T15:00}) or an instant with offset. */
    public record BookCallback(String at, Long agentId, String note) {
    }

    @PostMapping("/api/leads/{leadId}/callbacks")
    @ResponseStatus(HttpStatus.CREATED)
    public Callback book(@PathVariable long leadId, @RequestBody BookCallback request, Authentication auth) {
        CallbackPlan plan = callbacks.plan(leadId, request.at(), "at", request.agentId(), access.agentId(auth), request.note());
        return callbacks.book(plan, "API", null);
    }

    @GetMapping("/api/campaigns/{id}/callbacks")
    public List<Callback> list(@PathVariable long id, @RequestParam(required = false) String status) {
        String wanted = status == null ? null : status.trim().toUpperCase();
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new InvalidRequestException("status", "one of " + STATUSES);
        }
        return callbacks.forCampaign(id, wanted);
    }

    /** The signed-in agent's callbacks still to make, soonest first (what the "my callbacks" page lists and reminds of). */
    @GetMapping("/api/me/callbacks")
    public List<java.util.Map<String, Object>> mine(Authentication auth) {
        return access.user(auth).map(u -> callbacks.forAgent(u.id())).orElse(List.of());
    }

    @DeleteMapping("/api/callbacks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void cancel(@PathVariable long id) {
        callbacks.cancel(id);
    }
}
