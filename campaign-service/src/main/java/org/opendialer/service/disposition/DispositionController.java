package org.opendialer.service.disposition;

import java.util.List;
import java.util.Map;
import org.opendialer.service.security.AgentAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The dispositions a campaign offers, and setting one on an attempt. */
@RestController
public class DispositionController {

    private final DispositionService dispositions;
    private final AgentAccess access;

    public DispositionController(DispositionService dispositions, AgentAccess access) {
        this.dispositions = dispositions;
        this.access = access;
    }

    @GetMapping("/api/campaigns/{id}/dispositions")
    public List<Disposition> offered(@PathVariable long id) {
        return dispositions.offered(id);
    }

    /** A campaign's own disposition (or a changed one with the same code): code, label, effect FINAL|RETRY|DNC|CALLBACK, sale. */
    @PostMapping("/api/campaigns/{id}/dispositions")
    @ResponseStatus(HttpStatus.CREATED)
    public List<Disposition> define(@PathVariable long id, @RequestBody Disposition disposition) {
        dispositions.define(id, disposition);
        return dispositions.offered(id);
    }

    /** Sets the disposition; answers with the lead's status afterwards (e.g. DONE, CALLBACK, DNC). */
    @PostMapping("/api/attempts/{id}/disposition")
    public Map<String, Object> dispose(@PathVariable long id, @RequestBody DispositionRequest request, Authentication auth) {
        return Map.of("attemptId", id, "leadStatus", dispositions.dispose(id, request, access.agentId(auth)));
    }
}
