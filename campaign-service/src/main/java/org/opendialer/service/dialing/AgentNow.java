package org.opendialer.service.dialing;

import java.util.Comparator;
import java.util.List;
import org.opendialer.engine.agent.Agent;
import org.opendialer.service.user.UserDirectory;

/** One agent logged in to a running campaign, as the dashboard lists them: who, in which state, since how long. */
public record AgentNow(long agentId, String name, String state, String pauseReason, long secondsInState) {

    /** Every agent of {@code run}, by name; read on the campaign's clock thread. */
    static List<AgentNow> on(CampaignRun run, UserDirectory users) {
        List<Agent> agents = run.onClock(() -> List.copyOf(run.dialer().roster().agents()));
        long now = run.clock().nowMillis();
        return agents.stream()
                .map(a -> new AgentNow(a.id(), name(users, a.id()), a.state().name(), a.pauseReason(),
                        Math.max(0, (now - a.stateSinceMillis()) / 1000)))
                .sorted(Comparator.comparing(AgentNow::name))
                .toList();
    }

    private static String name(UserDirectory users, long id) {
        try {
            return users.get(id).displayName();
        } catch (RuntimeException e) {
            return "#" + id; // a user removed while logged in still shows as a row
        }
    }
}
