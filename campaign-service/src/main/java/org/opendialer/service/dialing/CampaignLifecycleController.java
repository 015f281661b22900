package org.opendialer.service.dialing;

import java.util.Map;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.campaign.CampaignScheduler;
import org.opendialer.service.campaign.CampaignStatus;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's lifecycle over REST (schedule, start, pause, resume, stop, complete, reopen) and the live
 * status that says why it is not dialling. Starting and stopping by hand replaces what was scheduled.
 */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignLifecycleController {

    private final CampaignRepository campaigns;
    private final CampaignRunner runner;
    private final CampaignScheduler jobs;

    public CampaignLifecycleController(CampaignRepository campaigns, CampaignRunner runner, CampaignScheduler jobs) {
        this.campaigns = campaigns;
        this.runner = runner;
        this.jobs = jobs;
    }

    /** Why isn't it dialling: status, every reason, live metrics. */
    @GetMapping("/{id}/status")
    public CampaignLiveStatus status(@PathVariable long id) {
        return runner.status(id);
    }

    /** Arms the scheduled start (and stop): the campaign starts by itself at {@code scheduledStart}. */
    @PostMapping("/{id}/schedule")
    public Campaign schedule(@PathVariable long id) {
        Campaign campaign = campaigns.get(id);
        if (campaign.schedule().start() == null) {
            throw new InvalidRequestException("scheduledStart", "set a start time before scheduling the campaign");
        }
        Campaign scheduled = campaigns.moveTo(id, CampaignStatus.SCHEDULED, "starts at " + campaign.schedule().start());
        jobs.scheduleCampaign(id, campaign.schedule().start(), campaign.schedule().stop());
        return scheduled;
    }

    @PostMapping("/{id}/start")
    public CampaignLiveStatus start(@PathVariable long id) {
        CampaignLiveStatus status = runner.start(id);
        Campaign campaign = campaigns.get(id);
        jobs.scheduleCampaign(id, null, campaign.schedule().stop());
        return status;
    }

    @PostMapping("/{id}/pause")
    public CampaignLiveStatus pause(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        String reason = body == null || body.get("reason") == null || body.get("reason").isBlank()
                ? "paused by a manager" : body.get("reason").trim();
        if (reason.length() > 255) {
            throw new InvalidRequestException("reason", "at most 255 characters");
        }
        return runner.pause(id, reason);
    }

    @PostMapping("/{id}/resume")
    public CampaignLiveStatus resume(@PathVariable long id) {
        return runner.start(id);
    }

    @PostMapping("/{id}/stop")
    public CampaignLiveStatus stop(@PathVariable long id, @RequestParam(defaultValue = "false") boolean now) {
        jobs.scheduleCampaign(id, null, null);
        return runner.stop(id, CampaignStatus.STOPPED, now ? "stopped by a manager, calls hung up" : "stopped by a manager", now);
    }

    @PostMapping("/{id}/complete")
    public CampaignLiveStatus complete(@PathVariable long id) {
        jobs.scheduleCampaign(id, null, null);
        return runner.stop(id, CampaignStatus.COMPLETED, "completed by a manager");
    }

    /** A stopped or completed campaign back to draft, to edit and run again. */
    @PostMapping("/{id}/reopen")
    public Campaign reopen(@PathVariable long id) {
        return campaigns.moveTo(id, CampaignStatus.DRAFT, null);
    }
}
