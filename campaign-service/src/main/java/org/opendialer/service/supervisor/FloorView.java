package org.opendialer.service.supervisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opendialer.engine.agent.Agent;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.dialing.CampaignRun;
import org.opendialer.service.dialing.CampaignRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** The floor as the supervisor's table shows it: every agent logged in to a campaign running on this server. */
public final class FloorView {

    private final CampaignRunner runner;
    private final CampaignRepository campaigns;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;

    public FloorView(CampaignRunner runner, CampaignRepository campaigns, UserDirectory users, JdbcTemplate jdbc) {
        this.runner = runner;
        this.campaigns = campaigns;
        this.users = users;
        this.jdbc = jdbc;
    }

    public List<AgentRow> agents() {
        List<AgentRow> rows = new ArrayList<>();
        for (Campaign campaign : campaigns.list()) {
            CampaignRun run = runner.running(campaign.id()).orElse(null);
            if (run == null) {
                continue;
            }
            List<Agent> agents = run.onClock(() -> List.copyOf(run.dialer().roster().agents()));
            long now = run.clock().nowMillis();
            for (Agent a : agents) {
                long inState = Math.max(0, (now - a.stateSinceMillis()) / 1000);
                Long attempt = a.attempt() == null ? null : a.attempt().value();
                Long lead = null;
                String leadName = null;
                if (attempt != null) {
                    Map<String, Object> found = new AttemptQueries(jdbc).leadCalled(attempt).orElse(null);
                    if (found != null) {
                        lead = ((Number) found.get("id")).longValue();
                        leadName = String.join(" ", java.util.stream.Stream.of(found.get("first_name"), found.get("last_name"))
                                .filter(x -> x != null && !x.toString().isBlank()).map(Object::toString).toList());
                    }
                }
                rows.add(new AgentRow(a.id(), name(a.id()), a.state().name(), a.pauseReason(), inState, campaign.id(), campaign.name(),
                        attempt, lead, leadName, "ON_CALL".equals(a.state().name()) ? inState : null));
            }
        }
        rows.sort(Comparator.comparing(AgentRow::name));
        return rows;
    }

    private String name(long id) {
        try {
            return users.get(id).displayName();
        } catch (RuntimeException e) {
            return "#" + id;
        }
    }
}
