package org.opendialer.engine.dialer;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.compliance.AbandonGovernor;
import org.opendialer.engine.pacing.CallStatistics;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.OriginateRequest;
import org.opendialer.engine.telephony.Telephony;

/**
 * One attempt from placing to its end: opens it in the attempt log, follows the telephony's events through its
 * phases, decides what a live answer gets (an agent, the robot, a wait, hang-up for a machine), abandons it when no
 * agent comes, and closes it with its outcome.
 */
final class AttemptLifecycle {

    private final DialerClock clock;
    private final Telephony telephony;
    private final AttemptLog log;
    private final DialerSettings settings;
    private final AbandonGovernor governor;
    private final CallStatistics statistics;
    private final MachineDetectionAccounting machineDetection;
    private final Calls calls;
    private final List<Consumer<AttemptOutcome>> outcomeListeners;
    private AgentRouting routing;

    AttemptLifecycle(DialerClock clock, Telephony telephony, AttemptLog log, DialerSettings settings, AbandonGovernor governor,
                     CallStatistics statistics, MachineDetectionAccounting machineDetection, Calls calls,
                     List<Consumer<AttemptOutcome>> outcomeListeners) {
        this.clock = clock;
        this.telephony = telephony;
        this.log = log;
        this.settings = settings;
        this.governor = governor;
        this.statistics = statistics;
        this.machineDetection = machineDetection;
        this.calls = calls;
        this.outcomeListeners = outcomeListeners;
    }

    /** The two route calls to each other: answers go to agents, a call an agent never takes comes back abandoned. */
    void routeThrough(AgentRouting agentRouting) {
        this.routing = agentRouting;
    }

    AttemptId place(DialLead lead, long reservedAgent) {
        Instant now = clock.now();
        AttemptId id = log.open(settings.campaignId(), lead, now);
        Attempt attempt = new Attempt(id, lead, now.toEpochMilli(), reservedAgent);
        calls.attempts.put(id, attempt);
        calls.inFlight++;
        calls.callsPlaced++;
        Map<String, String> variables = new HashMap<>(lead.variables());
        variables.put("ATTEMPT_ID", id.toString());
        variables.put("CAMPAIGN_ID", settings.campaignId().toString());
        variables.put("LEAD_ID", Long.toString(lead.leadId()));
        telephony.originate(new OriginateRequest(id, settings.campaignId(), lead.phone(), settings.callerId(),
                settings.ringTimeout(), settings.detectMachines(), settings.record(), variables));
        return id;
    }

    void handle(CallEvent event) {
        Attempt attempt = calls.attempts.get(event.attemptId());
        if (attempt == null) {
            return; // late event for an attempt already closed
        }
        if (event instanceof CallEvent.CallRinging ringing) {
            if (attempt.phase == AttemptPhase.DIALING) {
                attempt.phase = AttemptPhase.RINGING;
                progressed(attempt);
            }
            attempt.ringingAtMillis = ringing.at().toEpochMilli();
            attempt.server = ringing.server();
            attempt.channel = ringing.channel();
            attempt.uniqueId = ringing.uniqueId();
            if (ringing.server() != null || ringing.channel() != null) {
                log.locatedOn(attempt.id, ringing.server(), ringing.channel(), ringing.uniqueId());
            }
        } else if (event instanceof CallEvent.CallAnswered answer) {
            answered(attempt, answer.amd(), answer.amdCause());
        } else if (event instanceof CallEvent.CallBridged bridged) {
            routing.bridgeConfirmed(attempt, bridged);
        } else if (event instanceof CallEvent.AgentUnreached unreached) {
            routing.agentUnreached(attempt, unreached.reason());
        } else if (event instanceof CallEvent.RobotHandoff) {
            routing.handoff(attempt);
        } else if (event instanceof CallEvent.RecordingStarted recording) {
            attempt.recordingPath = recording.path();
        } else if (event instanceof CallEvent.CallEnded ended) {
            ended(attempt, ended);
        }
    }

    private void answered(Attempt attempt, AmdStatus amd, String amdCause) {
        if (!attempt.phase.inFlight()) {
            return;
        }
        long now = clock.nowMillis();
        calls.inFlight--;
        attempt.answeredAtMillis = now;
        attempt.amd = amd;
        attempt.amdCause = amdCause;
        boolean machine = settings.detectMachines() && amd == AmdStatus.MACHINE;
        boolean audit = machineDetection.verdict(attempt.id, machine);
        boolean routable = !machine || audit || settings.machineAction() == MachineAction.PASS_TO_AGENT;
        statistics.dialResolved(now, (now - attempt.placedAtMillis) / 1000.0, routable);
        if (!routable) {
            attempt.phase = AttemptPhase.MACHINE;
            attempt.machine = true;
            if (settings.machineAction() == MachineAction.LEAVE_MESSAGE) {
                telephony.leaveMessageAndHangup(attempt.id);
            } else {
                telephony.hangup(attempt.id);
            }
            return;
        }
        calls.answered++;
        governor.liveAnswer();
        if (attempt.reservedAgent != 0) {
            routing.reserved(attempt);
        } else if (settings.robotTakesAnswers()) {
            if (calls.robotCalls >= settings.pacing().robotCapacity()) {
                abandon(attempt);
            } else {
                attempt.phase = AttemptPhase.WITH_ROBOT;
                attempt.robot = true;
                attempt.bridgedAtMillis = now;
                calls.robotCalls++;
                progressed(attempt);
                telephony.sendToRobot(attempt.id);
            }
        } else if (!routing.toLongestIdle(attempt)) {
            attempt.phase = AttemptPhase.WAITING_FOR_AGENT;
            calls.waiting.addLast(attempt);
            progressed(attempt);
            attempt.deadline = clock.schedule(settings.compliance().connectDeadline(), () -> deadlinePassed(attempt));
        }
    }

    private void deadlinePassed(Attempt attempt) {
        if (attempt.handoff) {
            return;
        }
        if (attempt.phase == AttemptPhase.WAITING_FOR_AGENT) {
            calls.waiting.remove(attempt);
            abandon(attempt);
        }
    }

    void abandon(Attempt attempt) {
        attempt.phase = AttemptPhase.ABANDONING;
        attempt.abandoned = true;
        calls.abandoned++;
        governor.abandoned(attempt.lead.phone());
        progressed(attempt);
        telephony.playSafeHarbourAndHangup(attempt.id);
    }

    void progressed(Attempt attempt) {
        log.progressed(attempt.id, attempt.phase, clock.now(), attempt.agentId);
    }

    private void ended(Attempt attempt, CallEvent.CallEnded ended) {
        long now = clock.nowMillis();
        switch (attempt.phase) {
            case DIALING, RINGING -> {
                calls.inFlight--;
                statistics.dialResolved(now, (now - attempt.placedAtMillis) / 1000.0, false);
            }
            case WAITING_FOR_AGENT -> {
                calls.waiting.remove(attempt);
                attempt.deadline.cancel();
                if (!attempt.handoff) {
                    // the callee hung up before an agent was free: still an abandoned call
                    attempt.abandoned = true;
                    calls.abandoned++;
                    governor.abandoned(attempt.lead.phone());
                }
            }
            case CONNECTED -> routing.callEnded(attempt, now);
            case WITH_ROBOT -> calls.robotCalls--;
            default -> {
            }
        }
        attempt.phase = AttemptPhase.ENDED;
        calls.attempts.remove(attempt.id);
        AttemptOutcome outcome = attempt.outcome(settings.campaignId(), ended.at().toEpochMilli(), ended.result(),
                ended.cause(), ended.causeText());
        log.closed(outcome);
        for (Consumer<AttemptOutcome> listener : outcomeListeners) {
            listener.accept(outcome);
        }
    }
}
