package org.opendialer.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.engine.telephony.AgentEndpoint;

class AgentRosterTest {

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final AgentRoster roster = new AgentRoster(clock);

    private void login(long id, String... skills) {
        roster.login(new AgentEndpoint(id, "PJSIP/agent" + id), Set.of(skills));
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void aLiveAnswerGoesToTheAgentWhoHasWaitedLongest() {
        login(1);
        login(2);
        login(3);
        assertThat(roster.assignLongestIdle(null, new AttemptId(10)).orElseThrow().id()).isEqualTo(1);
        assertThat(roster.assignLongestIdle(null, new AttemptId(11)).orElseThrow().id()).isEqualTo(2);
    }

    @Test
    void aCallNeedingASkillSkipsAgentsWithoutIt() {
        login(1, "english");
        login(2, "mandarin");
        assertThat(roster.assignLongestIdle("mandarin", new AttemptId(10)).orElseThrow().id()).isEqualTo(2);
        assertThat(roster.assignLongestIdle("mandarin", new AttemptId(11))).isEmpty();
    }

    @Test
    void anAgentWorksThroughCallWrapUpAndPauseAndEveryMoveIsAnnounced() {
        List<AgentStateChange> changes = new ArrayList<>();
        roster.addListener(changes::add);
        login(7);
        roster.assignLongestIdle(null, new AttemptId(5));
        roster.callEnded(7, false);
        roster.pause(7, "coffee");
        roster.ready(7);
        roster.logout(7);
        assertThat(changes).extracting(AgentStateChange::to).containsExactly(AgentState.READY, AgentState.ON_CALL,
                AgentState.WRAP_UP, AgentState.PAUSED, AgentState.READY, AgentState.LOGGED_OUT);
        assertThat(changes.get(1).attempt()).isEqualTo(new AttemptId(5));
        assertThat(changes.get(3).reason()).isEqualTo("coffee");
    }

    @Test
    void anAgentOnACallCannotPauseOrLogOut() {
        login(1);
        roster.assignLongestIdle(null, new AttemptId(1));
        assertThatThrownBy(() -> roster.pause(1, "lunch")).hasMessageContaining("cannot go from ON_CALL to PAUSED");
        assertThatThrownBy(() -> roster.logout(1)).hasMessageContaining("ON_CALL");
        assertThatThrownBy(() -> roster.ready(99)).hasMessageContaining("agent 99 is not logged in");
    }
}
