package org.opendialer.service.softphone;

import java.security.Principal;
import java.util.Map;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Click-to-call: the signed-in agent dials a lead they chose, {@code {"leadId": 42}}; a refusal (409) says why. */
@RestController
@RequestMapping("/api/me/dial")
public class ClickToCallController {

    private final UserDirectory users;
    private final ClickToCall clickToCall;

    public ClickToCallController(UserDirectory users, ClickToCall clickToCall) {
        this.users = users;
        this.clickToCall = clickToCall;
    }

    @PostMapping
    public Map<String, Long> dial(Principal principal, @RequestBody(required = false) Map<String, Object> body) {
        Object lead = body == null ? null : body.get("leadId");
        if (!(lead instanceof Number id) || id.longValue() <= 0) {
            throw new InvalidRequestException("leadId", "name the lead to dial");
        }
        long me = users.byUsername(principal.getName()).orElseThrow().id();
        return Map.of("attemptId", clickToCall.dial(me, id.longValue()).value());
    }
}
