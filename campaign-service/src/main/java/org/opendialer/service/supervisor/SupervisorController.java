package org.opendialer.service.supervisor;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supervisor's floor and listen / whisper / barge (managers and administrators). */
@RestController
@RequestMapping("/api/supervisor")
public class SupervisorController {

    private final FloorView floor;
    private final Monitoring monitoring;
    private final UserDirectory users;

    public SupervisorController(FloorView floor, Monitoring monitoring, UserDirectory users) {
        this.floor = floor;
        this.monitoring = monitoring;
        this.users = users;
    }

    @GetMapping("/agents")
    public List<AgentRow> agents() {
        return floor.agents();
    }

    /** {@code mode}: listen, whisper or barge. */
    @PostMapping("/agents/{id}/{mode}")
    public Map<String, Object> monitor(Principal principal, @PathVariable long id, @PathVariable String mode) {
        MonitorMode chosen;
        try {
            chosen = MonitorMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("mode", "listen, whisper or barge");
        }
        users.get(id);
        long me = users.byUsername(principal.getName()).orElseThrow().id();
        String line = monitoring.monitor(me, id, chosen);
        return Map.of("agentId", id, "mode", chosen.name(), "line", line);
    }
}
