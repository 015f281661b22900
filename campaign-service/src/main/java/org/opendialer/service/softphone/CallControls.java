package org.opendialer.service.softphone;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.service.dialing.CampaignRun;
import org.opendialer.service.dialing.CampaignRunner;
import org.opendialer.service.web.ConflictException;
import org.opendialer.service.web.InvalidRequestException;

/**
 * The controls an agent has over the call in front of them. Hang up ends the callee's leg through the dialer's own
 * telephony (the agent's line stays up and the agent wraps up); hold sends the callee to music and back into the
 * agent's conference; the keypad plays digits to the callee; the recording is paused and resumed where the
 * campaign records. On Asterisk these act through {@link Pbx}; on the simulated PBX they act on the simulated call
 * (hang up ends it, the others change what the desktop shows), so the demo shows them too. Mute is the browser's.
 */
public final class CallControls {

    private final CampaignRunner runner;
    private final Optional<Pbx> pbx;
    private final Map<Long, CallState> states = new ConcurrentHashMap<>();

    private final java.util.List<String> transferNumbers;

    /** @param transferNumbers the numbers (E.164) agents may hand a call on to ({@code dialer.softphone.transfer-numbers}) */
    public CallControls(CampaignRunner runner, Optional<Pbx> pbx, java.util.List<String> transferNumbers) {
        this.runner = runner;
        this.pbx = pbx;
        this.transferNumbers = java.util.List.copyOf(transferNumbers);
    }

    /** Where an agent may transfer a call. */
    public java.util.List<String> transferNumbers() {
        return transferNumbers;
    }

    /** Blind transfer: the callee is dialled through to {@code number} and the agent wraps up at once. */
    public synchronized CallState transfer(long agentId, String number) {
        if (number == null || !transferNumbers.contains(number)) {
            throw new InvalidRequestException("number", "transfer only to one of " + transferNumbers
                    + " (dialer.softphone.transfer-numbers)");
        }
        OnCall call = onCall(agentId);
        call.run.onClock(() -> {
            call.run.telephony().transfer(call.attempt, new org.opendialer.engine.call.PhoneNumber(number));
            return null;
        });
        return call.state;
    }

    /**
     * The agents a call may be handed to now: the ready agents of the same campaign (the dialer's own routing has
     * them free), the agent themselves excepted.
     */
    public java.util.List<Long> transferAgents(long agentId) {
        return runner.runOf(agentId).map(run -> run.onClock(() -> run.dialer().roster().agents().stream()
                .filter(a -> a.state() == org.opendialer.engine.agent.AgentState.READY && a.id() != agentId)
                .map(Agent::id).sorted().toList())).orElse(java.util.List.of());
    }

    /**
     * Blind transfer to another agent of the campaign: the callee moves into that agent's conference (the screen pop
     * goes with the call) and this agent wraps up. On the simulated PBX the simulated callee moves the same way.
     */
    public synchronized CallState transferToAgent(long agentId, long toAgent) {
        OnCall call = onCall(agentId);
        call.run.onClock(() -> {
            try {
                call.run.dialer().transferToAgent(agentId, toAgent);
            } catch (IllegalStateException e) {
                throw new ConflictException(e.getMessage());
            }
            return null;
        });
        states.remove(agentId);
        return call.state;
    }

    /** The agent's call as the controls left it (fresh for each new call). */
    public CallState state(long agentId) {
        Optional<CampaignRun> run = runner.runOf(agentId);
        boolean simulated = run.map(r -> !onAsterisk(r)).orElse(pbx.isEmpty());
        AttemptId attempt = run.flatMap(r -> runner.agent(agentId)).map(Agent::attempt).orElse(null);
        if (attempt == null) {
            states.remove(agentId);
            return CallState.none(simulated);
        }
        return states.compute(agentId, (id, old) -> old != null && old.attemptId() == attempt.value() ? old
                : new CallState(attempt.value(), false, false, "", simulated));
    }

    public CallState hangup(long agentId) {
        OnCall call = onCall(agentId);
        call.run.onClock(() -> {
            call.run.telephony().hangup(call.attempt);
            return null;
        });
        return call.state;
    }

    // one control at a time: two keys pressed together both land in the digits sent
    public synchronized CallState hold(long agentId, boolean on) {
        OnCall call = onCall(agentId);
        if (call.state.held() == on) {
            return call.state;
        }
        if (!call.state.simulated()) {
            String callee = calleeChannel(call);
            if (on) {
                pbx.get().redirect(callee, "dialer-hold", "s");
            } else {
                pbx.get().redirect(callee, "dialer-agent", Long.toString(agentId));
            }
        }
        return save(agentId, call.state.held(on));
    }

    public synchronized CallState digit(long agentId, String digit) {
        if (digit == null || !digit.matches("[0-9*#A-D]")) {
            throw new InvalidRequestException("digit", "one keypad key: 0-9, *, #, A-D");
        }
        OnCall call = onCall(agentId);
        if (!call.state.simulated()) {
            pbx.get().playDigit(calleeChannel(call), digit.charAt(0));
        }
        return save(agentId, call.state.dialled(digit.charAt(0)));
    }

    public synchronized CallState recording(long agentId, boolean paused) {
        OnCall call = onCall(agentId);
        if (!call.run.campaign().line().recording()) {
            throw new ConflictException("campaign '" + call.run.campaign().name() + "' does not record its calls");
        }
        if (!call.state.simulated()) {
            pbx.get().muteRecording(calleeChannel(call), paused);
        }
        return save(agentId, call.state.recordingPaused(paused));
    }

    private CallState save(long agentId, CallState state) {
        states.put(agentId, state);
        return state;
    }

    private String calleeChannel(OnCall call) {
        return pbx.get().channel("dialer-" + call.attempt.value())
                .orElseThrow(() -> new ConflictException("the call of attempt " + call.attempt.value() + " is no longer on Asterisk"));
    }

    private boolean onAsterisk(CampaignRun run) {
        return pbx.isPresent() && run.campaign().line().onAsterisk();
    }

    private OnCall onCall(long agentId) {
        CampaignRun run = runner.runOf(agentId)
                .orElseThrow(() -> new ConflictException("agent " + agentId + " is not logged in to a running campaign"));
        CallState state = state(agentId);
        if (state.attemptId() == null) {
            throw new ConflictException("agent " + agentId + " has no call in front of them");
        }
        return new OnCall(run, new AttemptId(state.attemptId()), state);
    }

    private record OnCall(CampaignRun run, AttemptId attempt, CallState state) {
    }
}
