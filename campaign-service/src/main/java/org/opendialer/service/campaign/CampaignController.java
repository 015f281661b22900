package org.opendialer.service.campaign;

import java.util.List;
import org.opendialer.service.web.ConflictException;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns over REST: create and edit, with validation errors per field. Editing a scheduled campaign
 * moves its scheduled start and stop; the rest of the lifecycle is the runner's ({@code CampaignLifecycleController}).
 */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignController {

    private final CampaignRepository campaigns;
    private final CampaignScheduler jobs;

    public CampaignController(CampaignRepository campaigns, CampaignScheduler jobs) {
        this.campaigns = campaigns;
        this.jobs = jobs;
    }

    @GetMapping
    public List<Campaign> list() {
        return campaigns.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Campaign create(@RequestBody CampaignForm form) {
        if (form.name() == null || form.name().isBlank()) {
            throw new InvalidRequestException("name", "a campaign needs a name");
        }
        return campaigns.create(CampaignValidator.apply(CampaignValidator.defaults(form.name()), form, campaigns));
    }

    /** What a new campaign starts from: every setting a create leaves out takes these values. */
    @GetMapping("/defaults")
    public Campaign defaults() {
        return CampaignValidator.defaults("");
    }

    @GetMapping("/{id}")
    public Campaign get(@PathVariable long id) {
        return campaigns.get(id);
    }

    @PutMapping("/{id}")
    public Campaign edit(@PathVariable long id, @RequestBody CampaignForm form) {
        Campaign current = campaigns.get(id);
        if (!current.status().editable()) {
            throw new ConflictException("campaign '" + current.name() + "' is running; pause it before editing its settings");
        }
        Campaign edited = campaigns.update(CampaignValidator.apply(current, form, campaigns));
        if (edited.status() == CampaignStatus.SCHEDULED) {
            jobs.scheduleCampaign(id, edited.schedule().start(), edited.schedule().stop());
        }
        return edited;
    }
}
