package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.DialLead;

/**
 * Asterisk restarted ({@code core restart now}) or killed ({@code kill -9}) while an agent talks to a callee: the
 * dialer reconnects, the call's attempt is closed with a cause, the agent is paused with the phone gone, no lead
 * is dialled twice, and dialling resumes once Asterisk is back and the agent is ready again.
 */
class AsteriskRestartRealIT {

    @RegisterExtension
    static final RealAsterisk ASTERISK = new RealAsterisk();

    /** A 40-second talker, then a callee who talks 12 s. */
    private static AsteriskFloor floor(String name, long campaign) {
        return new AsteriskFloor(name, ASTERISK.server(5), new InstanceChannelLeases(), campaign).agentsWrapUpAtOnce()
                .leads(new DialLead(1, new PhoneNumber("+14155550171"), null, Map.of()),
                        new DialLead(2, new PhoneNumber("+14155550112"), null, Map.of()));
    }

    private static void talking(AsteriskFloor floor, long agentId) throws Exception {
        floor.login(agentId, RealAsterisk.AGENTS.get(0));
        floor.onClock(floor.dialer::start);
        floor.awaitAgent(agentId, AgentState.ON_CALL, Duration.ofSeconds(15));
        ASTERISK.events().awaitAny(e -> "ConfbridgeJoin".equals(e.name())
                && ("dialer-" + floor.opened.get(0).value()).equals(e.get("Uniqueid")), Duration.ofSeconds(5));
    }

    /** Once the server is back in rotation the agent goes ready, the phone is called again and the next lead dialled. */
    private static void resumes(AsteriskFloor floor, long agentId) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (floor.telephony.serversInRotation().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(floor.telephony.serversInRotation()).as("the dialer logged in to Asterisk again").containsExactly("pbx1");
        floor.onClock(() -> floor.dialer.ready(agentId));
        floor.awaitAgent(agentId, AgentState.READY, Duration.ofSeconds(20));
        AttemptOutcome next = floor.outcomes.poll(40, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(next).as("the next lead's call; agent changes since: " + floor.agentChanges + "; Asterisk: "
                + ASTERISK.cli("core show channels concise")).isNotNull();
        assertThat(next.attemptId()).isEqualTo(floor.opened.get(1));
        assertThat(next.lead().leadId()).isEqualTo(2);
        assertThat(next.result()).isEqualTo(CallResult.HUMAN);
        assertThat(next.agentId()).isEqualTo(agentId);
        assertThat(floor.opened).as("each lead dialled once, none again because of the outage").hasSize(2);
    }

    @Test
    void coreRestartNowDuringACallClosesItWithAsterisksCauseAndDiallingResumesAfterwards() throws Exception {
        try (AsteriskFloor floor = floor("restart", 31)) {
            talking(floor, 51);

            ASTERISK.cli("core restart now");
            AttemptOutcome cut = floor.nextOutcome(Duration.ofSeconds(15));
            assertThat(cut.attemptId()).isEqualTo(floor.opened.get(0));
            assertThat(cut.result()).isEqualTo(CallResult.HUMAN);
            assertThat(cut.agentId()).isEqualTo(51);
            assertThat(cut.causeText()).as("the cause Asterisk gave as it went down").isNotBlank();
            assertThat(floor.awaitAgent(51, AgentState.PAUSED, Duration.ofSeconds(15)).reason()).startsWith(Agent.PHONE_DISCONNECTED);

            ASTERISK.recordAgain();
            resumes(floor, 51);
        }
    }

    @Test
    void asteriskKilledDuringACallClosesItOnceTheDialerIsBackInAndDiallingResumes() throws Exception {
        try (AsteriskFloor floor = floor("killed", 32)) {
            talking(floor, 52);

            ASTERISK.kill();
            Thread.sleep(1000);
            assertThat(floor.outcomes).as("a killed Asterisk says nothing: the call is not known to be over yet").isEmpty();
            ASTERISK.startAgain();
            AttemptOutcome lost = floor.nextOutcome(Duration.ofSeconds(30));
            assertThat(lost.attemptId()).isEqualTo(floor.opened.get(0));
            assertThat(lost.result()).isEqualTo(CallResult.HUMAN);
            assertThat(lost.agentId()).isEqualTo(52);
            assertThat(lost.causeText()).isEqualTo("channel gone after the AMI connection was lost");
            assertThat(floor.awaitAgent(52, AgentState.PAUSED, Duration.ofSeconds(15)).reason()).startsWith(Agent.PHONE_DISCONNECTED);

            resumes(floor, 52);
        }
    }
}
