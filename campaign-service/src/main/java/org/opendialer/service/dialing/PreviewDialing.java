package org.opendialer.service.dialing;

import java.time.Duration;
import java.util.Optional;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.service.campaign.DialingMode;
import org.opendialer.service.web.ConflictException;
import org.springframework.stereotype.Component;

/**
 * Preview dialling for an agent: the next lead reserved for them to read, then dialled or skipped. A skipped
 * lead goes back to its list and is offered again after {@link #SKIPPED_FOR}.
 */
@Component
public class PreviewDialing {

    /** How long a lead an agent skipped rests before any agent is offered it again. */
    public static final Duration SKIPPED_FOR = Duration.ofMinutes(15);

    /** The lead an agent sees before dialling it. */
    public record PreviewLead(long leadId, String phone, String firstName, String lastName, String company) {

        static PreviewLead of(DialLead lead) {
            return new PreviewLead(lead.leadId(), lead.phone().e164(), lead.variables().get("FIRST_NAME"),
                    lead.variables().get("LAST_NAME"), lead.variables().get("COMPANY"));
        }
    }

    private final CampaignRunner runner;

    public PreviewDialing(CampaignRunner runner) {
        this.runner = runner;
    }

    /** The lead reserved for the agent (the same one until dialled or skipped); empty when none is callable. */
    public Optional<PreviewLead> next(long userId) {
        CampaignRun run = previewRun(userId);
        return run.onClock(() -> run.dialer().previewNext(userId)).map(PreviewLead::of);
    }

    public AttemptId dial(long userId) {
        CampaignRun run = previewRun(userId);
        AttemptId[] placed = new AttemptId[1];
        run.onClock(() -> AgentCommands.run(() -> placed[0] = run.dialer().dialPreview(userId)));
        return placed[0];
    }

    public Optional<PreviewLead> skip(long userId) {
        CampaignRun run = previewRun(userId);
        return run.onClock(() -> run.dialer().skipPreview(userId, SKIPPED_FOR)).map(PreviewLead::of);
    }

    private CampaignRun previewRun(long userId) {
        CampaignRun run = runner.agentRun(userId);
        if (run.campaign().mode() != DialingMode.PREVIEW) {
            throw new ConflictException("campaign '" + run.campaign().name() + "' dials " + run.campaign().mode()
                    + ", not PREVIEW: its calls come to the agent by themselves");
        }
        return run;
    }
}
