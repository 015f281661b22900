package org.opendialer.engine.asterisk;

import org.asteriskjava.live.ChannelState;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.AbstractChannelEvent;
import org.asteriskjava.manager.event.ConfbridgeJoinEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.telephony.CallEvent;

/**
 * Turns the AMI events of the dialer's calls into {@link CallEvent}s, as real Asterisk 22 sends them:
 * <ul>
 *   <li>a failed dial (486, 404, 503) answers the originate with Reason 0 and says why only in the cause of
 *   HangupRequest or Hangup, which come before or after the OriginateResponse; the call ends when both the
 *   response and a cause are in (a ring timeout, Reason 3, needs no cause);</li>
 *   <li>the AMD verdict is the dialplan's {@code DIALER_AMD_RESULT=<AMDSTATUS>/<AMDCAUSE>};</li>
 *   <li>a call sent to an agent is connected only when Asterisk puts it in the agent's conference (ConfbridgeJoin
 *   or BridgeEnter of the callee) while the agent's phone is there; otherwise the agent was unreachable.</li>
 * </ul>
 * Called on the AMI event thread of the call's server.
 */
final class AmiEventTranslator {

    static final String AMD_RESULT = "DIALER_AMD_RESULT";
    static final String RECORDING = "DIALER_RECORDING";

    private final AsteriskTelephony telephony;

    AmiEventTranslator(AsteriskTelephony telephony) {
        this.telephony = telephony;
    }

    void originateResponse(AsteriskCall call, OriginateResponseEvent response) {
        if ("Success".equalsIgnoreCase(response.getResponse())) {
            return; // answered: Newstate Up has said so, or is about to
        }
        call.failureReason = response.getReason() == null ? 0 : response.getReason();
        settleUnanswered(call);
    }

    void onCallEvent(AsteriskCall call, ManagerEvent event) {
        if (event instanceof NewChannelEvent created) {
            call.channel = created.getChannel();
        } else if (event instanceof NewStateEvent state) {
            newState(call, state);
        } else if (event instanceof HangupRequestEvent request) {
            requested(call, request.getCause());
        } else if (event instanceof SoftHangupRequestEvent request) {
            requested(call, request.getCause());
        } else if (event instanceof VarSetEvent var) {
            variable(call, var);
        } else if (event instanceof BridgeEnterEvent || event instanceof ConfbridgeJoinEvent) {
            bridged(call);
        } else if (event instanceof HangupEvent hangup) {
            hungUp(call, hangup);
        }
    }

    private void newState(AsteriskCall call, NewStateEvent state) {
        call.channel = state.getChannel();
        ChannelState s = state.getChannelState() == null ? null : ChannelState.valueOf(state.getChannelState());
        if (s == ChannelState.RINGING && !call.ringing) {
            call.ringing = true;
            telephony.emit(new CallEvent.CallRinging(call.attempt, telephony.now(), call.server, call.channel, call.uniqueId));
        } else if (s == ChannelState.UP && !call.answered) {
            call.answered = true;
            if (!call.detect) {
                telephony.emit(new CallEvent.CallAnswered(call.attempt, telephony.now(), null, null));
            }
        }
    }

    private void requested(AsteriskCall call, Integer cause) {
        if (cause != null && cause > 0 && call.requestedCause == 0) {
            call.requestedCause = cause;
        }
    }

    private void variable(AsteriskCall call, VarSetEvent var) {
        if (RECORDING.equalsIgnoreCase(var.getVariable())) {
            telephony.emit(new CallEvent.RecordingStarted(call.attempt, telephony.now(), var.getValue()));
        } else if (AMD_RESULT.equalsIgnoreCase(var.getVariable()) && call.detect && call.amd == null) {
            String value = var.getValue() == null ? "" : var.getValue();
            int slash = value.indexOf('/');
            String status = slash < 0 ? value : value.substring(0, slash);
            String cause = slash < 0 || slash == value.length() - 1 ? null : value.substring(slash + 1);
            call.amd = switch (status.toUpperCase()) {
                case "MACHINE" -> AmdStatus.MACHINE;
                case "HUMAN" -> AmdStatus.HUMAN;
                case "HANGUP" -> AmdStatus.HANGUP;
                default -> AmdStatus.NOTSURE;
            };
            telephony.emit(new CallEvent.CallAnswered(call.attempt, telephony.now(), call.amd, cause));
        }
    }

    private void bridged(AsteriskCall call) {
        long agent = call.agentPending;
        if (agent == 0) {
            return;
        }
        call.agentPending = 0;
        String unreachable = telephony.agentUnreachable(agent, call.server);
        if (unreachable == null) {
            telephony.emit(new CallEvent.CallBridged(call.attempt, telephony.now(), agent));
        } else {
            telephony.emit(new CallEvent.AgentUnreached(call.attempt, telephony.now(), agent, unreachable));
        }
    }

    private void hungUp(AsteriskCall call, HangupEvent hangup) {
        if (!call.uniqueId.equals(hangup.getUniqueId())) {
            return; // the agent's leg; the callee's own Hangup ends the attempt
        }
        int cause = hangup.getCause() == null ? 0 : hangup.getCause();
        if (cause == 0) {
            cause = call.requestedCause;
        }
        if (call.answered) {
            CallResult result = call.amd == AmdStatus.MACHINE ? CallResult.MACHINE : CallResult.HUMAN;
            telephony.ended(call, result, cause, hangup.getCauseTxt());
            return;
        }
        call.hangupCause = cause;
        call.hangupText = hangup.getCauseTxt();
        settleUnanswered(call);
    }

    /**
     * Ends an unanswered call once enough is known: a hangup cause (from HangupRequest or Hangup) or a telling
     * originate reason. A Hangup without cause waits for the OriginateResponse, which always follows an async
     * originate; a Reason 0 waits for the Hangup when Asterisk made a channel (it will send one).
     */
    private void settleUnanswered(AsteriskCall call) {
        int cause = call.hangupCause > 0 ? call.hangupCause : call.requestedCause;
        int reason = call.failureReason;
        if (cause > 0 && (call.hangupCause >= 0 || reason >= 0)) {
            telephony.ended(call, HangupCauses.unanswered(cause), cause, call.hangupText != null ? call.hangupText : HangupCauses.text(cause));
        } else if (reason > 0) {
            int implied = HangupCauses.causeOfReason(reason);
            telephony.ended(call, HangupCauses.originateFailed(reason), implied, "originate failed, reason " + reason);
        } else if (reason == 0 && (call.hangupCause >= 0 || call.channel == null)) {
            telephony.ended(call, CallResult.FAILED, 0, call.channel == null ? "originate failed: no channel" : "hung up, no cause given");
        }
    }

    /**
     * The dialer's channel an event is about: its own unique id, or (DialEnd, BridgeEnter of the agent's leg) the
     * callee's channel that dialled the agent.
     */
    static String uniqueIdOf(ManagerEvent event) {
        if (event instanceof DialEndEvent e) {
            return e.getUniqueId();
        }
        if (event instanceof BridgeEnterEvent e) {
            return e.getUniqueId();
        }
        if (event instanceof ConfbridgeJoinEvent e) {
            return e.getUniqueId();
        }
        if (event instanceof AbstractChannelEvent e) {
            return e.getUniqueId();
        }
        if (event instanceof VarSetEvent e) {
            return e.getUniqueId();
        }
        if (event instanceof HangupRequestEvent e) {
            return e.getUniqueId();
        }
        if (event instanceof SoftHangupRequestEvent e) {
            return e.getUniqueId();
        }
        return null;
    }
}
