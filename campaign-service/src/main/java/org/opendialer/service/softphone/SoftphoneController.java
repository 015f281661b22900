package org.opendialer.service.softphone;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.dialing.CampaignRunner;
import org.opendialer.service.web.ConflictException;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's browser phone and call controls: whether this server offers browser phones, the phone's
 * credentials, logging in to a campaign with it as the agent's line, and the controls of the call in front of them.
 */
@RestController
@RequestMapping("/api/me")
public class SoftphoneController {

    private final UserDirectory users;
    private final CampaignRunner runner;
    private final Optional<BrowserPhones> phones;
    private final String unavailable;
    private final CallControls controls;

    public SoftphoneController(UserDirectory users, CampaignRunner runner, SoftphoneConfiguration.Phones phones, CallControls controls) {
        this.users = users;
        this.runner = runner;
        this.phones = phones.phones();
        this.unavailable = phones.unavailable();
        this.controls = controls;
    }

    /** Whether browser phones are on here, and why not when they are not. */
    public record Availability(boolean available, String reason) {
    }

    @GetMapping("/softphone")
    public Availability availability() {
        return new Availability(phones.isPresent(), phones.isPresent() ? null : unavailable);
    }

    /** The user's browser phone (made on Asterisk the first time): what the page registers with. */
    @PostMapping("/softphone")
    public BrowserPhone phone(Principal principal) {
        return phones().phoneOf(me(principal));
    }

    /** Logs the agent in to {@code campaignId} with the browser phone as their line: the dialer calls it now. */
    @PostMapping("/softphone/login")
    public Map<String, Object> login(Principal principal, @RequestBody(required = false) Map<String, Object> body) {
        Object campaign = body == null ? null : body.get("campaignId");
        if (!(campaign instanceof Number id) || id.longValue() <= 0) {
            throw new InvalidRequestException("campaignId", "name the campaign to log in to");
        }
        long me = me(principal);
        BrowserPhone phone = phones().phoneOf(me);
        runner.login(id.longValue(), me, phone.dialString());
        return Map.of("agentId", me, "phone", phone.dialString());
    }

    @GetMapping("/call")
    public CallState call(Principal principal) {
        return controls.state(me(principal));
    }

    @PostMapping("/call/hangup")
    public CallState hangup(Principal principal) {
        return controls.hangup(me(principal));
    }

    @PostMapping("/call/hold")
    public CallState hold(Principal principal) {
        return controls.hold(me(principal), true);
    }

    @PostMapping("/call/resume")
    public CallState resume(Principal principal) {
        return controls.hold(me(principal), false);
    }

    /** One keypad key to the callee: {@code {"digit": "5"}}. */
    @PostMapping("/call/digit")
    public CallState digit(Principal principal, @RequestBody(required = false) Map<String, String> body) {
        return controls.digit(me(principal), body == null ? null : body.get("digit"));
    }

    /** The numbers the agent may transfer a call to. */
    @GetMapping("/call/transfer-numbers")
    public java.util.List<String> transferNumbers() {
        return controls.transferNumbers();
    }

    /** The agents of the same campaign ready to take a transferred call now. */
    @GetMapping("/call/transfer-agents")
    public java.util.List<Map<String, Object>> transferAgents(Principal principal) {
        return controls.transferAgents(me(principal)).stream()
                .map(id -> Map.<String, Object>of("agentId", id, "name", users.get(id).displayName())).toList();
    }

    /**
     * Blind transfer of the call in front of the agent, to a number ({@code {"number": "+14155550100"}}) or to a
     * ready agent of the same campaign ({@code {"agentId": 7}}).
     */
    @PostMapping("/call/transfer")
    public CallState transfer(Principal principal, @RequestBody(required = false) Map<String, Object> body) {
        Object agent = body == null ? null : body.get("agentId");
        if (agent != null) {
            if (!(agent instanceof Number id) || id.longValue() <= 0) {
                throw new InvalidRequestException("agentId", "name the agent to hand the call to");
            }
            return controls.transferToAgent(me(principal), id.longValue());
        }
        Object number = body == null ? null : body.get("number");
        return controls.transfer(me(principal), number == null ? null : number.toString());
    }

    @PostMapping("/call/recording/pause")
    public CallState pauseRecording(Principal principal) {
        return controls.recording(me(principal), true);
    }

    @PostMapping("/call/recording/resume")
    public CallState resumeRecording(Principal principal) {
        return controls.recording(me(principal), false);
    }

    private BrowserPhones phones() {
        return phones.orElseThrow(() -> new ConflictException("browser phones are off on this server: " + unavailable));
    }

    private long me(Principal principal) {
        return users.byUsername(principal.getName()).orElseThrow().id();
    }
}
