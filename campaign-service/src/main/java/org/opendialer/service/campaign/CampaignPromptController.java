package org.opendialer.service.campaign;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's safe-harbour and answering-machine texts ({@code GET/PUT /api/campaigns/{id}/prompts}); they are
 * spoken into recordings the next time the campaign starts on Asterisk.
 */
@RestController
@RequestMapping("/api/campaigns/{id}/prompts")
public class CampaignPromptController {

    private final CampaignRepository campaigns;
    private final JdbcTemplate jdbc;

    public CampaignPromptController(CampaignRepository campaigns, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    @GetMapping
    public CampaignPrompts get(@PathVariable long id) {
        campaigns.get(id); // 404 for an unknown campaign
        return read(jdbc, id);
    }

    @PutMapping
    public CampaignPrompts put(@PathVariable long id, @RequestBody java.util.Map<String, String> body) {
        campaigns.get(id);
        CampaignPrompts prompts = new CampaignPrompts(body.get("safeHarbour"), body.get("message"));
        jdbc.update("UPDATE campaigns SET safe_harbour_text = ?, message_text = ? WHERE id = ?", prompts.safeHarbour(),
                prompts.message(), id);
        return read(jdbc, id);
    }

    /** The campaign's texts as stored. */
    public static CampaignPrompts read(JdbcTemplate jdbc, long campaignId) {
        return jdbc.queryForObject("SELECT safe_harbour_text, message_text FROM campaigns WHERE id = ?",
                (rs, row) -> new CampaignPrompts(rs.getString(1), rs.getString(2)), campaignId);
    }
}
