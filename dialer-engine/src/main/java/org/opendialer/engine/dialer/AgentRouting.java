package org.opendialer.engine.dialer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentRoster;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.pacing.CallStatistics;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.AgentLineEvent;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.Telephony;

/**
 * Agents and the calls they take: their sessions and phones, wrap-up and pauses, and every route of a live answer
 * to an agent (longest idle first, a reserved agent, waiting answers when an agent becomes ready, the robot's
 * hand-offs), with the connect deadline on each bridge.
 */
final class AgentRouting {

    private final DialerClock clock;
    private final Telephony telephony;
    private final DialerSettings settings;
    private final AgentRoster roster;
    private final CallStatistics statistics;
    private final Calls calls;
    private final AttemptLifecycle lifecycle;
    private final Map<Long, Long> wrapStartedAt = new HashMap<>();
    private final Map<Long, String> pauseAfterWrap = new HashMap<>();
    /** Agents whose phone is in their bridge (true) or being called (false); absent: not on the line. */
    private final Map<Long, Boolean> phones = new HashMap<>();

    AgentRouting(DialerClock clock, Telephony telephony, DialerSettings settings, AgentRoster roster, CallStatistics statistics,
                 Calls calls, AttemptLifecycle lifecycle) {
        this.clock = clock;
        this.telephony = telephony;
        this.settings = settings;
        this.roster = roster;
        this.statistics = statistics;
        this.calls = calls;
        this.lifecycle = lifecycle;
    }

    // ---- sessions ---------------------------------------------------------------------------

    void login(AgentEndpoint endpoint, Set<String> skills) {
        long id = endpoint.agentId();
        boolean loggedIn = roster.find(id).filter(a -> a.state() != AgentState.LOGGED_OUT).isPresent();
        if (loggedIn) {
            roster.login(endpoint, skills);
            if (!phones.containsKey(id)) {
                callPhone(roster.find(id).orElseThrow());
            }
        } else if (telephony.connectAgent(endpoint)) {
            phones.put(id, true);
            roster.login(endpoint, skills);
            connectWaiting();
        } else {
            phones.put(id, false);
            roster.loginPaused(endpoint, skills, Agent.PHONE_CONNECTING);
        }
    }

    void ready(long agentId) {
        Agent agent = roster.find(agentId).orElse(null);
        boolean offCall = agent != null && (agent.state() == AgentState.PAUSED || agent.state() == AgentState.WRAP_UP);
        if (offCall && !Boolean.TRUE.equals(phones.get(agentId))) {
            callPhone(agent);
            return;
        }
        roster.ready(agentId);
        connectWaiting();
    }

    void logout(long agentId) {
        roster.logout(agentId);
        wrapStartedAt.remove(agentId);
        if (phones.remove(agentId) != null) {
            telephony.disconnectAgent(agentId);
        }
    }

    boolean phoneOnLine(long agentId) {
        return Boolean.TRUE.equals(phones.get(agentId));
    }

    private void callPhone(Agent agent) {
        long id = agent.id();
        if (!phones.containsKey(id) && telephony.connectAgent(agent.endpoint())) {
            phones.put(id, true);
            if (agent.state() == AgentState.PAUSED) {
                roster.ready(id);
                connectWaiting();
            }
            return;
        }
        phones.putIfAbsent(id, false);
        if (agent.state() == AgentState.PAUSED || agent.state() == AgentState.READY) {
            roster.pause(id, Agent.PHONE_CONNECTING);
        }
    }

    void agentLine(AgentLineEvent event) {
        long id = event.agentId();
        Agent agent = roster.find(id).filter(a -> a.state() != AgentState.LOGGED_OUT).orElse(null);
        if (event instanceof AgentLineEvent.AgentConnected) {
            if (agent == null || !phones.containsKey(id)) {
                telephony.disconnectAgent(id); // logged out while the phone rang
                return;
            }
            phones.put(id, true);
            String pending = pauseAfterWrap.get(id);
            if (pending != null && pending.startsWith(Agent.PHONE_DISCONNECTED)) {
                pauseAfterWrap.remove(id);
            }
            if (agent.state() == AgentState.PAUSED && Agent.PHONE_CONNECTING.equals(agent.pauseReason())) {
                roster.ready(id);
                connectWaiting();
            }
        } else if (event instanceof AgentLineEvent.AgentPhoneDropped dropped) {
            if (agent == null || phones.remove(id) == null) {
                return;
            }
            String reason = Agent.PHONE_DISCONNECTED + ": " + dropped.reason();
            Attempt bridging = calls.attempts.values().stream().filter(a -> a.bridging && a.agentId == id).findFirst().orElse(null);
            if (bridging != null) {
                agentUnreached(bridging, reason);
            } else if (agent.state() == AgentState.ON_CALL || agent.state() == AgentState.WRAP_UP) {
                pauseAfterWrap.put(id, reason);
            } else {
                roster.phoneUnreachable(id, reason);
            }
        }
    }

    void completeWrapUp(long agentId) {
        Agent agent = roster.find(agentId).orElseThrow(() -> new IllegalStateException("agent " + agentId + " is not logged in"));
        if (agent.state() != AgentState.WRAP_UP) {
            throw new IllegalStateException("agent " + agentId + " is not wrapping up but " + agent.state());
        }
        Long since = wrapStartedAt.remove(agentId);
        if (since != null) {
            statistics.wrapEnded((clock.nowMillis() - since) / 1000.0, agent.machineCall());
        }
        String pause = pauseAfterWrap.remove(agentId);
        statistics.leftWrapUp(pause == null);
        if (pause != null) {
            roster.pause(agentId, pause);
        } else {
            roster.ready(agentId);
            connectWaiting();
        }
    }

    void pauseAfterWrapUp(long agentId, String reason) {
        pauseAfterWrap.put(agentId, reason);
    }

    // ---- routing answers --------------------------------------------------------------------

    /** The answer of a call an agent dialled from preview goes to that agent. */
    void reserved(Attempt attempt) {
        roster.assign(attempt.reservedAgent, attempt.id);
        bridge(attempt, attempt.reservedAgent);
    }

    /** Sends the answer to the longest-idle ready agent with its skill; false when none is free. */
    boolean toLongestIdle(Attempt attempt) {
        Optional<Agent> agent = roster.assignLongestIdle(attempt.lead.skill(), attempt.id);
        agent.ifPresent(a -> bridge(attempt, a.id()));
        return agent.isPresent();
    }

    /**
     * The robot passes a hot lead on: to the longest-idle ready agent now, or the first one ready within
     * {@link CampaignDialer#HANDOFF_PATIENCE}. The callee has been talking to the robot all along, so this wait is
     * not an abandoned call; if no agent comes, the call ends and the robot's callback or disposition stands.
     */
    void handoff(Attempt attempt) {
        if (attempt.phase != AttemptPhase.WITH_ROBOT) {
            return;
        }
        calls.robotCalls--;
        attempt.handoff = true;
        if (toLongestIdle(attempt)) {
            return;
        }
        attempt.phase = AttemptPhase.WAITING_FOR_AGENT;
        calls.waiting.addLast(attempt);
        lifecycle.progressed(attempt);
        Duration patience = CampaignDialer.HANDOFF_PATIENCE;
        attempt.deadline = clock.schedule(patience, () -> {
            if (attempt.phase == AttemptPhase.WAITING_FOR_AGENT) {
                calls.waiting.remove(attempt);
                telephony.hangup(attempt.id);
            }
        });
    }

    /** Moves the callee of {@code fromAgent}'s call into {@code toAgent}'s bridge; the first agent wraps up at once. */
    void transfer(long fromAgent, long toAgent) {
        Agent from = roster.find(fromAgent).orElseThrow(() -> new IllegalStateException("agent " + fromAgent + " is not logged in"));
        Attempt attempt = from.attempt() == null ? null : calls.attempts.get(from.attempt());
        if (from.state() != AgentState.ON_CALL || attempt == null || attempt.phase != AttemptPhase.CONNECTED
                || attempt.agentId != fromAgent) {
            throw new IllegalStateException("agent " + fromAgent + " has no call to transfer");
        }
        if (attempt.bridging) {
            throw new IllegalStateException("the call is still on its way to agent " + fromAgent + "'s bridge");
        }
        if (toAgent == fromAgent) {
            throw new IllegalStateException("agent " + fromAgent + " cannot transfer a call to themselves");
        }
        Agent to = roster.find(toAgent).orElseThrow(() -> new IllegalStateException("agent " + toAgent + " is not logged in to this campaign"));
        if (to.state() != AgentState.READY) {
            throw new IllegalStateException("agent " + toAgent + " is not ready to take a call, is " + to.state());
        }
        long now = clock.nowMillis();
        statistics.talkEnded((now - attempt.bridgedAtMillis) / 1000.0);
        roster.callEnded(fromAgent, false);
        wrapStartedAt.put(fromAgent, now);
        roster.assign(toAgent, attempt.id);
        calls.connected--; // bridge() counts the call as connected again
        bridge(attempt, toAgent);
    }

    /**
     * Sends the call to the agent. The agent is taken and the call counts as connected for pacing at once, but it
     * is stored as bridged only when the telephony reports the bridge; if that does not happen within the connect
     * deadline (the agent's line is gone or the telephony lost the call), the callee hears the safe-harbour message
     * and the call is abandoned.
     */
    private void bridge(Attempt attempt, long agentId) {
        attempt.phase = AttemptPhase.CONNECTED;
        attempt.agentId = agentId;
        attempt.bridging = true;
        calls.connected++;
        Agent agent = roster.find(agentId).orElseThrow();
        attempt.deadline = clock.schedule(settings.compliance().connectDeadline(),
                () -> agentUnreached(attempt, "the call did not reach the agent's bridge within the connect deadline"));
        telephony.bridge(attempt.id, agent.endpoint());
    }

    void bridgeConfirmed(Attempt attempt, CallEvent.CallBridged bridged) {
        if (!attempt.bridging || attempt.phase != AttemptPhase.CONNECTED) {
            return;
        }
        attempt.bridging = false;
        attempt.deadline.cancel();
        attempt.bridgedAtMillis = bridged.at().toEpochMilli();
        lifecycle.progressed(attempt);
    }

    /** The agent's phone never took the call: the agent is paused with the reason, the callee abandoned. */
    void agentUnreached(Attempt attempt, String reason) {
        if (!attempt.bridging || attempt.phase != AttemptPhase.CONNECTED) {
            return;
        }
        attempt.bridging = false;
        attempt.deadline.cancel();
        calls.connected--;
        roster.phoneUnreachable(attempt.agentId, reason);
        attempt.agentId = 0;
        lifecycle.abandon(attempt);
    }

    /** Routes waiting answers, oldest first, to agents that have become ready. */
    void connectWaiting() {
        while (!calls.waiting.isEmpty()) {
            Attempt oldest = calls.waiting.peekFirst();
            Optional<Agent> agent = roster.assignLongestIdle(oldest.lead.skill(), oldest.id);
            if (agent.isEmpty()) {
                if (oldest.lead.skill() == null) {
                    return;
                }
                // a skilled call blocks nobody else: try the others behind it once
                boolean routedAny = false;
                for (Attempt other : List.copyOf(calls.waiting)) {
                    Optional<Agent> free = roster.assignLongestIdle(other.lead.skill(), other.id);
                    if (free.isPresent()) {
                        calls.waiting.remove(other);
                        other.deadline.cancel();
                        bridge(other, free.get().id());
                        routedAny = true;
                    }
                }
                if (!routedAny) {
                    return;
                }
                continue;
            }
            calls.waiting.pollFirst();
            oldest.deadline.cancel();
            bridge(oldest, agent.get().id());
        }
    }

    /** A call with an agent ended: its talk time is counted and the agent goes to wrap-up. */
    void callEnded(Attempt attempt, long now) {
        calls.connected--;
        if (attempt.bridging) {
            attempt.deadline.cancel();
            attempt.bridgedAtMillis = now; // the callee hung up in the milliseconds the move into the bridge took
        }
        double talk = (now - attempt.bridgedAtMillis) / 1000.0;
        statistics.talkEnded(talk);
        Agent agent = roster.find(attempt.agentId).orElse(null);
        if (agent != null && agent.state() == AgentState.ON_CALL && attempt.id.equals(agent.attempt())) {
            roster.callEnded(attempt.agentId, talk < 20);
            wrapStartedAt.put(attempt.agentId, now);
        }
    }
}
