package org.opendialer.service.agent;

import java.util.Map;
import org.opendialer.service.dialing.PreviewDialing;
import org.opendialer.service.dialing.PreviewDialing.PreviewLead;
import org.opendialer.service.user.UserDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Preview dialling for an agent logged in to a PREVIEW campaign: read the next lead, then dial it or skip it.
 * No lead to preview is 204; a campaign in another mode is 409.
 */
@RestController
@RequestMapping("/api/agents/{id}/preview")
public class PreviewController {

    private final UserDirectory users;
    private final PreviewDialing preview;

    public PreviewController(UserDirectory users, PreviewDialing preview) {
        this.users = users;
        this.preview = preview;
    }

    @GetMapping
    public ResponseEntity<PreviewLead> next(@PathVariable long id) {
        users.get(id);
        return preview.next(id).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    /** Dials the previewed lead; the call comes to this agent only. */
    @PostMapping("/dial")
    public Map<String, Long> dial(@PathVariable long id) {
        users.get(id);
        return Map.of("attemptId", preview.dial(id).value());
    }

    /** Skips the previewed lead and answers the next one (204 when none is left). */
    @PostMapping("/skip")
    public ResponseEntity<PreviewLead> skip(@PathVariable long id) {
        users.get(id);
        return preview.skip(id).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }
}
