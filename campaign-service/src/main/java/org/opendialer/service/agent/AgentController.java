package org.opendialer.service.agent;

import java.util.Map;
import org.opendialer.engine.agent.Agent;
import org.opendialer.service.dialing.CampaignRunner;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Agents' sessions: log in to a campaign, ready, pause with reason, wrap-up done, log out. */
@RestController
@RequestMapping("/api")
public class AgentController {

    private final UserDirectory users;
    private final CampaignRunner runner;

    public AgentController(UserDirectory users, CampaignRunner runner) {
        this.users = users;
        this.runner = runner;
    }

    @PostMapping("/agents/{id}/login")
    public AgentView login(@PathVariable long id, @RequestBody Map<String, Long> body) {
        Long campaign = body == null ? null : body.get("campaignId");
        if (campaign == null) {
            throw new InvalidRequestException("campaignId", "name the campaign to log in to");
        }
        runner.login(campaign, id);
        return view(id);
    }

    @PostMapping("/agents/{id}/ready")
    public AgentView ready(@PathVariable long id) {
        runner.ready(id);
        return view(id);
    }

    @PostMapping("/agents/{id}/pause")
    public AgentView pause(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        runner.pauseAgent(id, body == null ? null : body.get("reason"));
        return view(id);
    }

    @PostMapping("/agents/{id}/wrap-up-done")
    public AgentView wrapUpDone(@PathVariable long id) {
        runner.wrapUpDone(id);
        return view(id);
    }

    /** The agent says who was on an audited MACHINE verdict: {@code {"attemptId": 12, "person": true}}. */
    @PostMapping("/agents/{id}/amd-audit")
    public AgentView amdAudit(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
        Object attempt = body == null ? null : body.get("attemptId");
        Object person = body == null ? null : body.get("person");
        if (!(attempt instanceof Number number) || number.longValue() <= 0) {
            throw new InvalidRequestException("attemptId", "name the audited attempt (a positive number)");
        }
        if (!(person instanceof Boolean marked)) {
            throw new InvalidRequestException("person", "true when a person was there, false for a machine");
        }
        runner.markAmdAudit(id, number.longValue(), marked);
        return view(id);
    }

    @PostMapping("/agents/{id}/logout")
    public AgentView logout(@PathVariable long id) {
        runner.logout(id);
        return view(id);
    }

    @GetMapping("/agents/{id}")
    public AgentView state(@PathVariable long id) {
        return view(id);
    }

    private AgentView view(long id) {
        users.get(id);
        return AgentView.now(runner, id);
    }

    /** An agent's state now; {@code attemptId} is the call on screen (on call or wrapping up). */
    public record AgentView(long agentId, String state, String pauseReason, Long attemptId) {
        /** The agent's state in {@code runner}; logged out when not logged in there. */
        public static AgentView now(CampaignRunner runner, long agentId) {
            return runner.agent(agentId).map(AgentView::of).orElse(new AgentView(agentId, "LOGGED_OUT", null, null));
        }

        static AgentView of(Agent agent) {
            return new AgentView(agent.id(), agent.state().name(), agent.pauseReason(),
                    agent.attempt() == null ? null : agent.attempt().value());
        }
    }
}
