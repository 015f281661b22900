package org.opendialer.engine.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.telephony.AgentEndpoint;

/**
 * The agents of one campaign and their state machine. Illegal moves (a logged-out agent taking a
 * call, a ready agent wrapping up) throw, because they mean the caller's view of the floor is wrong.
 * Engine-thread only.
 */
public final class AgentRoster {

    private final DialerClock clock;
    private final Map<Long, Agent> agents = new LinkedHashMap<>();
    private final List<Consumer<AgentStateChange>> listeners = new ArrayList<>();

    public AgentRoster(DialerClock clock) {
        this.clock = clock;
    }

    public void addListener(Consumer<AgentStateChange> listener) {
        listeners.add(listener);
    }

    /** Logs an agent in as READY; logging in again only refreshes the skills. */
    public Agent login(AgentEndpoint endpoint, Set<String> skills) {
        return login(endpoint, skills, AgentState.READY, null);
    }

    /** Logs an agent in as PAUSED with {@code reason} (their phone is still being called); logged in already: skills only. */
    public Agent loginPaused(AgentEndpoint endpoint, Set<String> skills, String reason) {
        return login(endpoint, skills, AgentState.PAUSED, reason);
    }

    private Agent login(AgentEndpoint endpoint, Set<String> skills, AgentState first, String reason) {
        Agent agent = agents.get(endpoint.agentId());
        if (agent == null || !agent.skills().equals(Set.copyOf(skills))) {
            Agent fresh = new Agent(endpoint, skills);
            if (agent != null) {
                fresh.moveTo(agent.state(), agent.stateSinceMillis(), agent.attempt(), agent.pauseReason());
            }
            agents.put(endpoint.agentId(), fresh);
            agent = fresh;
        }
        if (agent.state() == AgentState.LOGGED_OUT) {
            move(agent, first, null, reason);
        }
        return agent;
    }

    public void ready(long agentId) {
        Agent agent = require(agentId);
        if (agent.state() == AgentState.PAUSED || agent.state() == AgentState.WRAP_UP) {
            move(agent, AgentState.READY, null, null);
        } else if (agent.state() != AgentState.READY) {
            throw illegal(agent, AgentState.READY);
        }
    }

    /** Pauses a ready or wrapping agent; an agent on a call must finish it first. */
    public void pause(long agentId, String reason) {
        Agent agent = require(agentId);
        if (agent.state() == AgentState.ON_CALL || agent.state() == AgentState.LOGGED_OUT) {
            throw illegal(agent, AgentState.PAUSED);
        }
        move(agent, AgentState.PAUSED, null, reason == null || reason.isBlank() ? "unspecified" : reason);
    }

    /** The agent's phone did not take the call given to it: the agent is paused with the reason, off the call. */
    public void phoneUnreachable(long agentId, String reason) {
        Agent agent = require(agentId);
        if (agent.state() == AgentState.LOGGED_OUT) {
            return;
        }
        move(agent, AgentState.PAUSED, null, reason);
    }

    public void logout(long agentId) {
        Agent agent = require(agentId);
        if (agent.state() == AgentState.ON_CALL) {
            throw illegal(agent, AgentState.LOGGED_OUT);
        }
        if (agent.state() != AgentState.LOGGED_OUT) {
            move(agent, AgentState.LOGGED_OUT, null, null);
        }
    }

    void connect(Agent agent, AttemptId attempt) {
        if (agent.state() != AgentState.READY) {
            throw illegal(agent, AgentState.ON_CALL);
        }
        move(agent, AgentState.ON_CALL, attempt, null);
    }

    /** The call the agent was on has ended: the agent wraps up until it sets a disposition. */
    public void callEnded(long agentId, boolean machine) {
        Agent agent = require(agentId);
        if (agent.state() != AgentState.ON_CALL) {
            throw illegal(agent, AgentState.WRAP_UP);
        }
        agent.markMachineCall(machine);
        move(agent, AgentState.WRAP_UP, agent.attempt(), null);
    }

    /**
     * The longest-idle READY agent with {@code skill} (null or empty: any), now moved ON_CALL for
     * {@code attempt}; empty when nobody can take it.
     */
    public Optional<Agent> assignLongestIdle(String skill, AttemptId attempt) {
        Agent best = null;
        for (Agent agent : agents.values()) {
            if (agent.state() == AgentState.READY && agent.hasSkill(skill)
                    && (best == null || agent.stateSinceMillis() < best.stateSinceMillis())) {
                best = agent;
            }
        }
        if (best != null) {
            connect(best, attempt);
        }
        return Optional.ofNullable(best);
    }

    /** Moves a specific READY agent onto a call, as preview dialling does for the agent who dialled. */
    public void assign(long agentId, AttemptId attempt) {
        connect(require(agentId), attempt);
    }

    public Optional<Agent> find(long agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    public Collection<Agent> agents() {
        return Collections.unmodifiableCollection(agents.values());
    }

    public Map<AgentState, Integer> countByState() {
        Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            counts.put(state, 0);
        }
        for (Agent agent : agents.values()) {
            counts.merge(agent.state(), 1, Integer::sum);
        }
        return counts;
    }

    public int count(AgentState state) {
        int n = 0;
        for (Agent agent : agents.values()) {
            if (agent.state() == state) {
                n++;
            }
        }
        return n;
    }

    private Agent require(long agentId) {
        Agent agent = agents.get(agentId);
        if (agent == null) {
            throw new IllegalStateException("agent " + agentId + " is not logged in to this campaign");
        }
        return agent;
    }

    private void move(Agent agent, AgentState next, AttemptId attempt, String reason) {
        AgentState from = agent.state();
        long now = clock.nowMillis();
        agent.moveTo(next, now, attempt, reason);
        AgentStateChange change = new AgentStateChange(agent.id(), from, next, Instant.ofEpochMilli(now), attempt, reason);
        for (Consumer<AgentStateChange> listener : listeners) {
            listener.accept(change);
        }
    }

    private static IllegalStateException illegal(Agent agent, AgentState to) {
        return new IllegalStateException("agent " + agent.id() + " cannot go from " + agent.state() + " to " + to);
    }
}
