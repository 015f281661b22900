package org.opendialer.engine.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.engine.pacing.ProgressivePolicy;
import org.opendialer.engine.pacing.PreviewPolicy;
import org.opendialer.engine.simulation.SimulatedCall;
import org.opendialer.engine.simulation.SimulatedPbx;
import org.opendialer.engine.telephony.AgentEndpoint;

/** The dialer with a simulated PBX whose callees are scripted call by call. */
class CampaignDialerTest {

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final Deque<SimulatedCall> script = new ArrayDeque<>();
    private final List<AttemptOutcome> outcomes = new ArrayList<>();
    private final Deque<DialLead> leads = new ArrayDeque<>();

    private static SimulatedCall person(double answerAfter, double talk) {
        return new SimulatedCall(SimulatedCall.Kind.HUMAN, 2, answerAfter, 0, talk, 30, AmdStatus.HUMAN);
    }

    private CampaignDialer dialer(DialerSettings settings, org.opendialer.engine.pacing.PacingPolicy policy) {
        SimulatedPbx pbx = new SimulatedPbx(clock, (request, i) -> script.removeFirst(), 10);
        LeadSource source = () -> Optional.ofNullable(leads.pollFirst());
        AttemptLog log = new AttemptLog() {
            long next = 1;

            @Override
            public AttemptId open(CampaignId campaign, DialLead lead, Instant placedAt) {
                return new AttemptId(next++);
            }

            @Override
            public void closed(AttemptOutcome outcome) {
                outcomes.add(outcome);
            }
        };
        return new CampaignDialer(clock, pbx, source, log, settings, policy);
    }

    private void lead(long id, String phone) {
        leads.add(new DialLead(id, new PhoneNumber(phone)));
    }

    @Test
    void aLiveAnswerIsConnectedToTheReadyAgentAndTheAgentWrapsUpAfterwards() {
        CampaignDialer dialer = dialer(DialerSettings.defaults(new CampaignId(1)), new ProgressivePolicy(1));
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        lead(1, "+14155550101");
        script.add(person(5, 60));
        dialer.start();
        clock.advance(Duration.ofSeconds(10));
        assertThat(dialer.roster().find(7).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
        clock.advance(Duration.ofSeconds(60));
        assertThat(dialer.roster().find(7).orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);
        dialer.completeWrapUp(7);
        assertThat(dialer.roster().find(7).orElseThrow().state()).isEqualTo(AgentState.READY);

        AttemptOutcome outcome = outcomes.get(0);
        assertThat(outcome.result()).isEqualTo(CallResult.HUMAN);
        assertThat(outcome.agentId()).isEqualTo(7);
        assertThat(outcome.abandoned()).isFalse();
        assertThat(outcome.waitSeconds()).isZero();
        assertThat(outcome.talkSeconds()).isEqualTo(60.0);
        assertThat(outcome.ringingAt()).isEqualTo(Instant.parse("2026-03-02T09:00:02Z"));
        assertThat(outcome.answeredAt()).isEqualTo(Instant.parse("2026-03-02T09:00:07Z"));
    }

    @Test
    void anAgentWhoAskedToPauseAfterTheCallPausesAndThePacingLearnsHowOftenThatHappens() {
        CampaignDialer dialer = dialer(DialerSettings.defaults(new CampaignId(1)), new ProgressivePolicy(1));
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        lead(1, "+14155550101");
        script.add(person(5, 60));
        dialer.start();
        clock.advance(Duration.ofSeconds(70));
        double before = dialer.statistics().readyAfterWrapShare();
        dialer.pauseAfterWrapUp(7, "coffee");
        dialer.completeWrapUp(7);
        assertThat(dialer.roster().find(7).orElseThrow().state()).isEqualTo(AgentState.PAUSED);
        assertThat(dialer.statistics().readyAfterWrapShare()).isLessThan(before);
    }

    @Test
    void aLiveAnswerThatFindsNoAgentWithinTwoSecondsIsAbandonedAndCounted() {
        CampaignDialer dialer = dialer(DialerSettings.defaults(new CampaignId(1)), new ProgressivePolicy(2));
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        lead(1, "+14155550101");
        lead(2, "+14155550102");
        script.add(person(3, 300));
        script.add(person(4, 300));
        dialer.start();
        clock.advance(Duration.ofSeconds(30));

        AttemptOutcome dropped = outcomes.stream().filter(AttemptOutcome::abandoned).findFirst().orElseThrow();
        assertThat(dropped.lead().leadId()).isEqualTo(2);
        assertThat(dropped.waitSeconds()).isEqualTo(3.0); // 2 s deadline + 1 s safe-harbour message
        assertThat(dialer.governor().todayAbandons()).isEqualTo(1);
        assertThat(dialer.governor().todayAnswers()).isEqualTo(2);
        assertThat(dialer.governor().mayRedial(new PhoneNumber("+14155550102"))).isFalse();
    }

    @Test
    void aCallWaitingForAnAgentIsConnectedTheMomentOneFinishesWrapUp() {
        CampaignDialer dialer = dialer(DialerSettings.defaults(new CampaignId(1)), new ProgressivePolicy(2));
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        lead(1, "+14155550101");
        lead(2, "+14155550102");
        script.add(person(1, 5));
        script.add(person(5, 60));
        dialer.start();
        // first call: answered at 3 s, talks 5 s, agent wraps up from 8 s; second answers at 7 s... and waits
        clock.advance(Duration.ofMillis(8500));
        dialer.completeWrapUp(7);
        assertThat(dialer.roster().find(7).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
        clock.advance(Duration.ofSeconds(120));
        assertThat(outcomes).noneMatch(AttemptOutcome::abandoned);
    }

    @Test
    void aMachineDetectedByAmdIsHungUpWithoutTroublingAnAgent() {
        DialerSettings settings = DialerSettings.defaults(new CampaignId(1)).withMachineDetection(true, MachineAction.HANG_UP);
        CampaignDialer dialer = dialer(settings, new ProgressivePolicy(1));
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        lead(1, "+14155550101");
        script.add(new SimulatedCall(SimulatedCall.Kind.MACHINE, 2, 12, 0, 10, 3600, AmdStatus.MACHINE));
        dialer.start();
        clock.advance(Duration.ofSeconds(30));
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(CallResult.MACHINE);
            assertThat(o.amd()).isEqualTo(AmdStatus.MACHINE);
            assertThat(o.agentId()).isZero();
            assertThat(o.abandoned()).isFalse();
        });
        assertThat(dialer.governor().todayAnswers()).isZero();
    }

    @Test
    void anAuditedMachineVerdictGoesToAnAgentWhoseMarkTeachesPacingWhatDetectionLoses() {
        DialerSettings settings = DialerSettings.defaults(new CampaignId(1)).withMachineDetection(true, MachineAction.HANG_UP)
                .withAmdAudit(new org.opendialer.engine.compliance.AmdAuditSettings(0.5, Double.NaN));
        CampaignDialer dialer = dialer(settings, new ProgressivePolicy(1));
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        // two MACHINE verdicts: the first is hung up, the second (every other one at a 50 % audit) goes to the agent
        for (int i = 1; i <= 2; i++) {
            lead(i, "+1415555010" + i);
            script.add(new SimulatedCall(SimulatedCall.Kind.HUMAN, 2, 5, 0, 40, 30, AmdStatus.MACHINE));
        }
        assertThat(dialer.hiddenAbandonRate()).as("unknown detector, before any audit")
                .isEqualTo(0.02);
        dialer.start();
        clock.advance(Duration.ofSeconds(200));

        assertThat(outcomes).hasSize(2);
        AttemptOutcome hungUp = outcomes.get(0);
        AttemptOutcome audited = outcomes.get(1);
        assertThat(hungUp.agentId()).isZero();
        assertThat(audited.agentId()).isEqualTo(7);
        assertThat(audited.amd()).isEqualTo(AmdStatus.MACHINE);
        assertThat(dialer.amdAuditMarked(hungUp.attemptId(), true)).as("not an audited call").isFalse();
        assertThat(dialer.amdAuditMarked(audited.attemptId(), true)).isTrue();
        assertThat(dialer.amdAuditMarked(audited.attemptId(), true)).as("marked once").isFalse();
        assertThat(dialer.amdAudit().audits()).isEqualTo(1);
        assertThat(dialer.amdAudit().auditedPeople()).isEqualTo(1);
    }

    @Test
    void theDialerWarnsWhenDetectionAloneComesCloseToTheAbandonTarget() {
        DialerSettings settings = DialerSettings.defaults(new CampaignId(1)).withMachineDetection(true, MachineAction.HANG_UP)
                .withAmdAudit(new org.opendialer.engine.compliance.AmdAuditSettings(0.02, 0.029));
        CampaignDialer dialer = dialer(settings, new ProgressivePolicy(1));
        dialer.start();
        assertThat(dialer.whyNotDialing()).anySatisfy(reason -> {
            assertThat(reason.code()).isEqualTo(NotDialingReason.Code.AMD_FALSE_MACHINES_NEAR_TARGET);
            assertThat(reason.message()).contains("2.90 %", "as the campaign states it", "pass machines to agents");
        });
        assertThat(dialer.hiddenAbandonRate()).as("pacing keeps a tenth of the budget").isCloseTo(0.027, within(1e-9));

        CampaignDialer passing = dialer(settings.withMachineDetection(true, MachineAction.PASS_TO_AGENT), new ProgressivePolicy(1));
        passing.start();
        assertThat(passing.whyNotDialing()).noneMatch(r -> r.code() == NotDialingReason.Code.AMD_FALSE_MACHINES_NEAR_TARGET);
        assertThat(passing.hiddenAbandonRate()).isZero();
    }

    @Test
    void busyAndUnansweredCallsEndWithTheirCauses() {
        CampaignDialer dialer = dialer(DialerSettings.defaults(new CampaignId(1)), new ProgressivePolicy(2));
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        lead(1, "+14155550101");
        lead(2, "+14155550102");
        script.add(new SimulatedCall(SimulatedCall.Kind.BUSY, 2, 0, 2, 0, 0, null));
        script.add(new SimulatedCall(SimulatedCall.Kind.NO_ANSWER, 2, 0, 0, 0, 0, null));
        dialer.start();
        clock.advance(Duration.ofSeconds(30));
        assertThat(outcomes).extracting(AttemptOutcome::result, AttemptOutcome::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CallResult.BUSY, 17),
                        org.assertj.core.groups.Tuple.tuple(CallResult.NO_ANSWER, 19));
        assertThat(outcomes.get(1).endedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:24Z"));
    }

    @Test
    void inPreviewModeTheAgentReadsTheLeadThenDialsItAndGetsThatCall() {
        CampaignDialer dialer = dialer(DialerSettings.defaults(new CampaignId(1)), new PreviewPolicy());
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        dialer.login(new AgentEndpoint(8, "PJSIP/8"), Set.of());
        lead(42, "+14155550142");
        script.add(person(4, 30));
        dialer.start();
        clock.advance(Duration.ofSeconds(5));
        assertThat(outcomes).isEmpty();
        assertThat(dialer.previewNext(8).orElseThrow().leadId()).isEqualTo(42);
        dialer.dialPreview(8);
        clock.advance(Duration.ofSeconds(10));
        assertThat(dialer.roster().find(8).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
        assertThat(dialer.roster().find(7).orElseThrow().state()).isEqualTo(AgentState.READY);
        assertThat(dialer.whyNotDialing()).extracting(NotDialingReason::code)
                .contains(NotDialingReason.Code.AGENTS_DIAL_IN_PREVIEW);
    }

    @Test
    void anAgentDialsALeadTheyChoseAndGetsThatCallButNotALeadAnotherAgentPreviews() {
        CampaignDialer dialer = dialer(DialerSettings.defaults(new CampaignId(1)), new PreviewPolicy());
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        dialer.login(new AgentEndpoint(8, "PJSIP/8"), Set.of());
        lead(42, "+14155550142");
        script.add(person(4, 30));
        dialer.start();
        assertThat(dialer.previewNext(8).orElseThrow().leadId()).isEqualTo(42);
        DialLead previewed = new DialLead(42, new PhoneNumber("+14155550142"));
        assertThatThrownBy(() -> dialer.dialLead(7, previewed)).isInstanceOf(IllegalStateException.class)
                .hasMessage("lead 42 is on agent 8's preview");

        DialLead chosen = new DialLead(43, new PhoneNumber("+14155550143"));
        dialer.dialLead(7, chosen);
        assertThatThrownBy(() -> dialer.dialLead(8, chosen)).isInstanceOf(IllegalStateException.class)
                .hasMessage("lead 43 is being dialled already");
        clock.advance(Duration.ofSeconds(10));
        assertThat(dialer.roster().find(7).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
        assertThat(dialer.roster().find(8).orElseThrow().state()).isEqualTo(AgentState.READY);
        assertThatThrownBy(() -> dialer.dialLead(7, new DialLead(44, new PhoneNumber("+14155550144"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("agent 7 must be ready to dial, is ON_CALL");
    }

    @Test
    void aTransferToAReadyAgentMovesTheCalleeThereAndTheFirstAgentWrapsUp() {
        CampaignDialer dialer = dialer(DialerSettings.defaults(new CampaignId(1)), new ProgressivePolicy(1));
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        lead(1, "+14155550101");
        script.add(person(5, 60));
        dialer.start();
        clock.advance(Duration.ofSeconds(10));
        AttemptId call = dialer.roster().find(7).orElseThrow().attempt();
        assertThatThrownBy(() -> dialer.transferToAgent(7, 8)).isInstanceOf(IllegalStateException.class)
                .hasMessage("agent 8 is not logged in to this campaign");
        dialer.login(new AgentEndpoint(8, "PJSIP/8"), Set.of());
        dialer.pause(8, "break");
        assertThatThrownBy(() -> dialer.transferToAgent(7, 8)).isInstanceOf(IllegalStateException.class)
                .hasMessage("agent 8 is not ready to take a call, is PAUSED");
        dialer.ready(8);

        dialer.transferToAgent(7, 8);
        assertThat(dialer.roster().find(7).orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(dialer.roster().find(8).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
        assertThat(dialer.roster().find(8).orElseThrow().attempt()).isEqualTo(call);
        assertThatThrownBy(() -> dialer.transferToAgent(7, 8)).isInstanceOf(IllegalStateException.class)
                .hasMessage("agent 7 has no call to transfer");
        clock.advance(Duration.ofSeconds(60));
        assertThat(dialer.roster().find(8).orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.agentId()).isEqualTo(8);
            assertThat(o.abandoned()).isFalse();
        });
    }

    @Test
    void theDialerSaysWhyItIsNotDialling() {
        CampaignDialer dialer = dialer(DialerSettings.defaults(new CampaignId(1)), new ProgressivePolicy(1));
        assertThat(dialer.whyNotDialing()).extracting(NotDialingReason::code).containsExactly(NotDialingReason.Code.NOT_RUNNING);
        dialer.start();
        clock.advance(Duration.ofSeconds(2));
        assertThat(dialer.whyNotDialing()).extracting(NotDialingReason::message).containsExactly("no agent is logged in and ready");
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        clock.advance(Duration.ofSeconds(2));
        assertThat(dialer.whyNotDialing()).extracting(NotDialingReason::code).containsExactly(NotDialingReason.Code.NO_CALLABLE_LEADS);
    }

    @Test
    void stoppingHangsUpCallsStillRinging() {
        CampaignDialer dialer = dialer(DialerSettings.defaults(new CampaignId(1)), new ProgressivePolicy(1));
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        lead(1, "+14155550101");
        script.add(person(15, 60));
        dialer.start();
        clock.advance(Duration.ofSeconds(5));
        dialer.stop();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.answeredAt()).isNull());
        assertThat(dialer.metrics().running()).isFalse();
    }

    @Test
    void aHotLeadTheRobotHandsOverGoesToTheReadyAgentAndIsNotAnAbandonWhenNoneIsFree() {
        org.opendialer.engine.pacing.PacingSettings pacing = new org.opendialer.engine.pacing.PacingSettings(120, 15, 0.3, 22, 2,
                0.03, 0, 1, 1);
        DialerSettings settings = DialerSettings.defaults(new CampaignId(1)).withPacing(pacing).withRobotTakingAnswers(true);
        SimulatedPbx pbx = new SimulatedPbx(clock, (request, i) -> script.removeFirst(), 10);
        pbx.setRobotLine((request, machine) -> new org.opendialer.engine.telephony.RobotLine.Talk(40, true));
        AttemptLog log = new AttemptLog() {
            long next = 1;

            @Override
            public AttemptId open(CampaignId campaign, DialLead lead, Instant placedAt) {
                return new AttemptId(next++);
            }

            @Override
            public void closed(AttemptOutcome outcome) {
                outcomes.add(outcome);
            }
        };
        CampaignDialer dialer = new CampaignDialer(clock, pbx, () -> Optional.ofNullable(leads.pollFirst()), log, settings,
                new org.opendialer.engine.pacing.AgentlessPolicy());
        dialer.login(new AgentEndpoint(7, "PJSIP/7"), Set.of());
        dialer.pause(7, "coaching");
        lead(1, "+14155550101");
        lead(2, "+14155550102");
        script.add(person(5, 60));
        script.add(person(5, 60));
        dialer.start();

        clock.advance(Duration.ofSeconds(46)); // answered at ~7 s, 40 s with the robot, then handed over: nobody is ready
        clock.advance(Duration.ofSeconds(31));
        AttemptOutcome unattended = outcomes.get(0);
        assertThat(unattended.robot()).isTrue();
        assertThat(unattended.abandoned()).as("a robot handoff that waited is not an abandoned call").isFalse();
        assertThat(dialer.governor().todayAbandons()).isZero();

        dialer.ready(7);
        clock.advance(Duration.ofSeconds(60));
        assertThat(dialer.roster().find(7).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
        clock.advance(Duration.ofSeconds(70));
        AttemptOutcome taken = outcomes.get(1);
        assertThat(taken.agentId()).isEqualTo(7);
        assertThat(taken.result()).isEqualTo(CallResult.HUMAN);
    }
}
