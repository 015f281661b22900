package org.opendialer.service.disposition;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The dispositions a campaign offers, and setting one on an attempt. */
@RestController
public class DispositionController {

    private final DispositionService dispositions;

    public DispositionController(DispositionService dispositions) {
        this.dispositions = dispositions;
    }

    @GetMapping("/api/campaigns/{id}/dispositions")
    public List<Disposition> offered(@PathVariable long id) {
        return dispositions.offered(id);
    }

    /** A campaign's own disposition (or a changed one with the same code): code, label, effect FINAL|RETRY|DNC|CALLBACK, sale. */
    @org.springframework.web.bind.annotation.PostMapping("/api/campaigns/{id}/dispositions")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    public List<Disposition> define(@PathVariable long id, @RequestBody Disposition disposition) {
        dispositions.define(id, disposition);
        return dispositions.offered(id);
    }

    /** Sets the disposition; answers with the lead's status afterwards (e.g. DONE, CALLBACK, DNC). */
    @PostMapping("/api/attempts/{id}/disposition")
    public Map<String, Object> dispose(@PathVariable long id, @RequestBody DispositionRequest request) {
        return Map.of("attemptId", id, "leadStatus", dispositions.dispose(id, request));
    }
}
