package org.opendialer.engine.simulation;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.agent.AgentStateChange;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.dialer.CampaignDialer;
import org.opendialer.engine.pacing.ReleaseForecast;
import org.opendialer.engine.telephony.AgentEndpoint;

/**
 * The agents of a simulated shift: they log in (staggered), take the calls the dialer passes, wrap up
 * for as long as their callee's record says, sometimes pause after a call, take breaks when their
 * current call is done, and some log out early. Their schedules come from a stream of their own, seeded
 * by (day seed, agent). Because the floor knows all of this in advance it can also tell the oracle
 * exactly when each agent will be free.
 */
final class SimulatedFloor implements Consumer<AgentStateChange>, ReleaseForecast {

    private static final long NEVER = Long.MAX_VALUE / 4;
    private static final long DEPARTURE_STREAM = 0xDE9A27L;

    private final DialerClock clock;
    private final ScenarioCallees callees;
    private final SimAgent[] agents;
    private final java.util.Map<Long, SimAgent> byId = new java.util.HashMap<>();
    private CampaignDialer dialer;

    SimulatedFloor(Scenario scenario, long seed, DialerClock clock, ScenarioCallees callees) {
        this(scenario, seed, clock, callees, null);
    }

    /** @param agentIds the agents' ids (e.g. their user ids); null: 1..n */
    SimulatedFloor(Scenario scenario, long seed, DialerClock clock, ScenarioCallees callees, long[] agentIds) {
        this.clock = clock;
        this.callees = callees;
        Scenario.AgentBehaviour behaviour = scenario.behaviour();
        long start = clock.nowMillis();
        agents = new SimAgent[scenario.agents()];
        for (int a = 0; a < agents.length; a++) {
            SplitMix64 draws = SplitMix64.forItem(seed ^ 0x5DEECE66DL, a);
            long id = agentIds == null ? a + 1 : agentIds[a];
            SimAgent agent = new SimAgent(new AgentEndpoint(id, "SIM/agent" + id));
            byId.put(id, agent);
            double loginDraw = draws.nextDouble();
            Scenario.Cohort cohort = cohortOf(behaviour.logins(), a);
            agent.loginAt = cohort == null ? start + minutes(behaviour.loginSpreadMinutes() * loginDraw)
                    : start + minutes(cohort.atMinute() + cohort.spreadMinutes() * loginDraw);
            agent.breakAt = new long[behaviour.breaks().size()];
            agent.breakMillis = new long[behaviour.breaks().size()];
            agent.breakTaken = new boolean[behaviour.breaks().size()];
            for (int b = 0; b < agent.breakAt.length; b++) {
                Scenario.Break spec = behaviour.breaks().get(b);
                double jitter = spec.jitterMinutes() * (2 * draws.nextDouble() - 1);
                agent.breakAt[b] = start + minutes(spec.atHour() * 60 + jitter);
                agent.breakMillis[b] = minutes(spec.minutes());
            }
            boolean leavesEarly = draws.nextDouble() < behaviour.earlyLogoutShare();
            double jitter = behaviour.earlyLogoutJitterMinutes() * (2 * draws.nextDouble() - 1);
            agent.logoutAt = leavesEarly ? start + minutes(behaviour.earlyLogoutAtHour() * 60 + jitter) : NEVER;
            agents[a] = agent;
        }
        departures(behaviour.departures(), seed, start);
    }

    /** The cohort the {@code index}-th agent logs in with (agents fill the cohorts in order), or null without cohorts. */
    private static Scenario.Cohort cohortOf(java.util.List<Scenario.Cohort> cohorts, int index) {
        int before = 0;
        for (Scenario.Cohort cohort : cohorts) {
            before += cohort.agents();
            if (index < before) {
                return cohort;
            }
        }
        return null;
    }

    /**
     * Exactly as many agents as each departure names leave around its time: the agents are taken in an order shuffled
     * per day (a stream of its own, so the other draws stay as they were), an agent already leaving earlier keeps that.
     */
    private void departures(java.util.List<Scenario.Departure> departures, long seed, long start) {
        if (departures.isEmpty()) {
            return;
        }
        int[] order = new int[agents.length];
        SplitMix64 shuffle = SplitMix64.forItem(seed ^ DEPARTURE_STREAM, 0);
        for (int i = 0; i < order.length; i++) {
            int j = (int) (shuffle.nextDouble() * (i + 1));
            order[i] = order[j];
            order[j] = i;
        }
        int next = 0;
        for (Scenario.Departure departure : departures) {
            for (int n = 0; n < departure.agents(); n++, next++) {
                SimAgent agent = agents[order[next]];
                double jitter = departure.jitterMinutes() * (2 * shuffle.nextDouble() - 1);
                agent.logoutAt = Math.min(agent.logoutAt, start + minutes(departure.atHour() * 60 + jitter));
            }
        }
    }

    private static long minutes(double minutes) {
        return Math.round(minutes * 60_000);
    }

    void start(CampaignDialer campaignDialer) {
        this.dialer = campaignDialer;
        dialer.addAgentListener(this);
        long now = clock.nowMillis();
        for (SimAgent agent : agents) {
            at(agent.loginAt - now, () -> dialer.login(agent.endpoint, Set.of()));
            for (int b = 0; b < agent.breakAt.length; b++) {
                int index = b;
                at(agent.breakAt[b] - now, () -> breakDue(agent, index));
            }
            if (agent.logoutAt < NEVER) {
                at(agent.logoutAt - now, () -> logoutDue(agent));
            }
        }
    }

    private void at(long delayMillis, Runnable task) {
        clock.schedule(Duration.ofMillis(Math.max(0, delayMillis)), task);
    }

    private SimAgent agent(long id) {
        return byId.get(id);
    }

    private AgentState state(SimAgent agent) {
        return dialer.roster().find(agent.endpoint.agentId()).map(Agent::state).orElse(AgentState.LOGGED_OUT);
    }

    @Override
    public void accept(AgentStateChange change) {
        SimAgent agent = agent(change.agentId());
        if (change.to() == AgentState.ON_CALL) {
            ScenarioCallees.Callee callee = callees.callee(change.attempt());
            agent.callee = callee;
            agent.callEndsAt = clock.nowMillis() + Math.round(callees.talkSeconds(callee.call(), agent.endpoint.agentId()) * 1000);
        } else if (change.to() == AgentState.WRAP_UP) {
            ScenarioCallees.Callee callee = agent.callee;
            long wrap = Math.round(callee.wrapSeconds() * 1000);
            agent.wrapEndsAt = clock.nowMillis() + wrap;
            at(wrap, () -> wrapDone(agent, callee));
        }
    }

    private void wrapDone(SimAgent agent, ScenarioCallees.Callee callee) {
        long id = agent.endpoint.agentId();
        long now = clock.nowMillis();
        if (agent.logoutAt <= now) {
            dialer.pauseAfterWrapUp(id, "logging out");
            dialer.completeWrapUp(id);
            dialer.logout(id);
            return;
        }
        int dueBreak = dueBreak(agent, now);
        if (dueBreak >= 0) {
            agent.breakTaken[dueBreak] = true;
            dialer.pauseAfterWrapUp(id, "break");
            dialer.completeWrapUp(id);
            pauseUntil(agent, now + agent.breakMillis[dueBreak]);
        } else if (callee.pauseAfterCall()) {
            dialer.pauseAfterWrapUp(id, "not ready");
            dialer.completeWrapUp(id);
            pauseUntil(agent, now + Math.round(callee.pauseSeconds() * 1000));
        } else {
            dialer.completeWrapUp(id);
        }
    }

    private void pauseUntil(SimAgent agent, long until) {
        agent.pauseEndsAt = until;
        at(until - clock.nowMillis(), () -> {
            if (agent.pauseEndsAt == until && state(agent) == AgentState.PAUSED) {
                long now = clock.nowMillis();
                int dueBreak = dueBreak(agent, now);
                if (dueBreak >= 0) {
                    agent.breakTaken[dueBreak] = true;
                    pauseUntil(agent, now + agent.breakMillis[dueBreak]);
                } else {
                    dialer.ready(agent.endpoint.agentId());
                }
            }
        });
    }

    private int dueBreak(SimAgent agent, long now) {
        for (int b = 0; b < agent.breakAt.length; b++) {
            if (!agent.breakTaken[b] && agent.breakAt[b] <= now) {
                return b;
            }
        }
        return -1;
    }

    private void breakDue(SimAgent agent, int index) {
        if (agent.breakTaken[index] || state(agent) != AgentState.READY) {
            return; // busy agents take it after the call; paused ones when the pause ends
        }
        agent.breakTaken[index] = true;
        dialer.pause(agent.endpoint.agentId(), "break");
        pauseUntil(agent, clock.nowMillis() + agent.breakMillis[index]);
    }

    private void logoutDue(SimAgent agent) {
        AgentState state = state(agent);
        if (state == AgentState.READY || state == AgentState.PAUSED) {
            agent.pauseEndsAt = -1;
            dialer.logout(agent.endpoint.agentId());
        }
    }

    @Override
    public boolean freeAt(long agentId, long at) {
        SimAgent agent = agent(agentId);
        long now = clock.nowMillis();
        long freeFrom = switch (state(agent)) {
            case LOGGED_OUT -> agent.loginAt > now ? agent.loginAt : NEVER;
            case READY -> now;
            case PAUSED -> agent.pauseEndsAt < 0 ? NEVER : agent.pauseEndsAt;
            case ON_CALL -> afterWrap(agent, agent.callEndsAt + Math.round(agent.callee.wrapSeconds() * 1000), agent.callee);
            case WRAP_UP -> afterWrap(agent, agent.wrapEndsAt, agent.callee);
        };
        if (freeFrom > at || agent.logoutAt <= Math.max(freeFrom, now)) {
            return false;
        }
        // a break that starts while the agent is idle takes it away until the break ends
        for (int b = 0; b < agent.breakAt.length; b++) {
            if (!agent.breakTaken[b] && agent.breakAt[b] > freeFrom && agent.breakAt[b] <= at
                    && agent.breakAt[b] + agent.breakMillis[b] > at) {
                return false;
            }
        }
        return agent.logoutAt > at;
    }

    private long afterWrap(SimAgent agent, long wrapEnd, ScenarioCallees.Callee callee) {
        if (agent.logoutAt <= wrapEnd) {
            return NEVER;
        }
        int dueBreak = dueBreak(agent, wrapEnd);
        if (dueBreak >= 0) {
            return wrapEnd + agent.breakMillis[dueBreak];
        }
        return callee.pauseAfterCall() ? wrapEnd + Math.round(callee.pauseSeconds() * 1000) : wrapEnd;
    }

    private static final class SimAgent {
        final AgentEndpoint endpoint;
        long loginAt;
        long[] breakAt;
        long[] breakMillis;
        boolean[] breakTaken;
        long logoutAt;
        long pauseEndsAt = -1;
        long callEndsAt;
        long wrapEndsAt;
        ScenarioCallees.Callee callee;

        SimAgent(AgentEndpoint endpoint) {
            this.endpoint = endpoint;
        }
    }
}
