package org.opendialer.engine.dialer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentRoster;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.agent.AgentStateChange;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.compliance.AbandonGovernor;
import org.opendialer.engine.compliance.AmdAudit;
import org.opendialer.engine.pacing.AnswerRatePriors;
import org.opendialer.engine.pacing.CallStatistics;
import org.opendialer.engine.pacing.PacingPolicy;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.AgentLineEvent;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.CallEventListener;
import org.opendialer.engine.telephony.Telephony;

/**
 * Dials one campaign. Every second it asks the pacing policy how many calls to place, caps that by
 * lines per agent and free trunk lines, and places calls for the next leads. Each live answer goes at
 * once to the longest-idle ready agent with the skill it needs, or to the robot in agentless mode; one
 * that finds no agent within the connect deadline is abandoned with the safe-harbour message and
 * counted against the abandon target.
 *
 * <p>Its jobs live in their own classes: {@link PacingLoop} decides how many calls to place, {@link AttemptLifecycle}
 * follows each call from placing to its end, {@link AgentRouting} keeps the agents and routes answers to them.
 *
 * <p>Threading: everything runs on the clock's thread. Telephony events are handed over with
 * {@link DialerClock#execute}; agent commands from other threads must be handed over the same way
 * (the service does so), the simulation calls them on the clock thread directly.
 */
public final class CampaignDialer implements CallEventListener {

    /** How long a hot lead handed over by the robot waits for an agent. */
    static final Duration HANDOFF_PATIENCE = Duration.ofSeconds(30);

    private final DialerClock clock;
    private final Telephony telephony;
    private final LeadSource leads;
    private final DialerSettings settings;
    private final PacingPolicy policy;
    private final AgentRoster roster;
    private final AbandonGovernor governor;
    private final CallStatistics statistics;
    private final MachineDetectionAccounting machineDetection;
    private final Calls calls = new Calls();
    private final Map<Long, DialLead> previews = new java.util.HashMap<>();
    private final List<Consumer<AttemptOutcome>> outcomeListeners = new ArrayList<>();
    private final AgentTime agentTime = new AgentTime();
    private final DialerSituation situation;
    private final AttemptLifecycle lifecycle;
    private final AgentRouting routing;
    private final PacingLoop pacing;

    public CampaignDialer(DialerClock clock, Telephony telephony, LeadSource leads, AttemptLog log,
                          DialerSettings settings, PacingPolicy policy) {
        this.clock = clock;
        this.telephony = telephony;
        this.leads = leads;
        this.settings = settings;
        this.policy = policy;
        this.roster = new AgentRoster(clock);
        this.governor = new AbandonGovernor(clock, settings.compliance(), settings.zone());
        this.statistics = new CallStatistics(settings.pacing(), AnswerRatePriors.none(settings.zone()));
        this.machineDetection = new MachineDetectionAccounting(settings);
        this.situation = new DialerSituation(clock, roster, agentTime, calls, statistics, governor, settings.pacing(),
                this::hiddenAbandonRate);
        this.lifecycle = new AttemptLifecycle(clock, telephony, log, settings, governor, statistics, machineDetection, calls,
                outcomeListeners);
        this.routing = new AgentRouting(clock, telephony, settings, roster, statistics, calls, lifecycle);
        lifecycle.routeThrough(routing);
        this.pacing = new PacingLoop(clock, telephony, leads, settings, policy, governor, calls, situation, lifecycle);
        roster.addListener(agentTime);
        telephony.setListener(this);
    }

    // ---- machine detection audit -----------------------------------------------------------

    /**
     * The agent who took an audited MACHINE verdict marks what was there. Only attempts passed on for the audit
     * count, each once.
     *
     * @return false when the attempt was not one to audit (or was marked already)
     */
    public boolean amdAuditMarked(AttemptId attemptId, boolean person) {
        return machineDetection.marked(attemptId, person);
    }

    /** What the audit says of machine detection so far. */
    public AmdAudit amdAudit() {
        return machineDetection.audit();
    }

    /** The abandons machine detection causes unseen, as pacing takes them off its budget now. */
    public double hiddenAbandonRate() {
        return machineDetection.hiddenAbandonRate();
    }

    // ---- lifecycle -------------------------------------------------------------------------

    /** Starts dialling; ticks once a second until {@link #stop}. */
    public void start() {
        pacing.start();
    }

    /** Stops placing calls and hangs up dials still ringing; calls already talking carry on. */
    public void stop() {
        pacing.stop();
        for (Attempt attempt : List.copyOf(calls.attempts.values())) {
            if (attempt.phase.inFlight()) {
                telephony.hangup(attempt.id);
            }
        }
    }

    public boolean running() {
        return pacing.running();
    }

    /** Calls not ended yet: ringing, waiting for an agent, with an agent or with the robot. */
    public int callsUnderWay() {
        return calls.attempts.size();
    }

    /** Hangs up every call not ended yet (a stop that will not wait); each ends with its result as usual. */
    public void hangUpAll() {
        for (Attempt attempt : List.copyOf(calls.attempts.values())) {
            telephony.hangup(attempt.id);
        }
    }

    public AgentRoster roster() {
        return roster;
    }

    public AbandonGovernor governor() {
        return governor;
    }

    public CallStatistics statistics() {
        return statistics;
    }

    public PacingPolicy policy() {
        return policy;
    }

    public DialerSettings settings() {
        return settings;
    }

    public void addAgentListener(Consumer<AgentStateChange> listener) {
        roster.addListener(listener);
    }

    public void addOutcomeListener(Consumer<AttemptOutcome> listener) {
        outcomeListeners.add(listener);
    }

    // ---- agents ----------------------------------------------------------------------------

    /**
     * Logs the agent in and has the telephony call the agent's phone into the agent's own bridge, once for the
     * session: the agent is READY when the phone is there (at once on the simulated PBX) and PAUSED
     * {@link Agent#PHONE_CONNECTING} until then. Logging in again refreshes the skills, and calls the phone again if
     * it has dropped.
     */
    public void login(AgentEndpoint endpoint, Set<String> skills) {
        routing.login(endpoint, skills);
    }

    /** Ready for calls; an agent whose phone has dropped has it called again and is ready once it is back. */
    public void ready(long agentId) {
        routing.ready(agentId);
    }

    public void pause(long agentId, String reason) {
        roster.pause(agentId, reason);
    }

    public void logout(long agentId) {
        routing.logout(agentId);
    }

    /** True while the agent's phone is in the agent's bridge, waiting for calls. */
    public boolean phoneOnLine(long agentId) {
        return routing.phoneOnLine(agentId);
    }

    /** The agent set a disposition: wrap-up is over and the agent is ready, or paused if asked for. */
    public void completeWrapUp(long agentId) {
        routing.completeWrapUp(agentId);
    }

    /** The agent asks to pause after the current call; honoured when wrap-up ends. */
    public void pauseAfterWrapUp(long agentId, String reason) {
        routing.pauseAfterWrapUp(agentId, reason);
    }

    // ---- preview dialling ------------------------------------------------------------------

    /** Preview mode: reserves the next lead for a ready agent to read before dialling it. */
    public Optional<DialLead> previewNext(long agentId) {
        DialLead lead = previews.get(agentId);
        if (lead == null) {
            lead = pacing.nextDialableLead().orElse(null);
            if (lead != null) {
                previews.put(agentId, lead);
            }
        }
        return Optional.ofNullable(lead);
    }

    /** Preview mode: the agent dials the lead it previewed; the answer goes to that agent only. */
    public AttemptId dialPreview(long agentId) {
        DialLead lead = previews.remove(agentId);
        if (lead == null) {
            throw new IllegalStateException("agent " + agentId + " has no previewed lead to dial");
        }
        Agent agent = roster.find(agentId).orElseThrow(() -> new IllegalStateException("agent " + agentId + " is not logged in"));
        if (agent.state() != AgentState.READY) {
            throw new IllegalStateException("agent " + agentId + " must be ready to dial, is " + agent.state());
        }
        return lifecycle.place(lead, agentId);
    }

    /**
     * Click-to-call, in any mode: a ready agent dials a lead they chose themselves (from the lead page or a
     * callback); the answer goes to that agent only, as a previewed lead's does. Refused while the lead is already
     * being dialled or previewed by another agent, or while its number may not be redialled (a recent abandon).
     */
    public AttemptId dialLead(long agentId, DialLead lead) {
        Agent agent = roster.find(agentId).orElseThrow(() -> new IllegalStateException("agent " + agentId + " is not logged in"));
        if (agent.state() != AgentState.READY) {
            throw new IllegalStateException("agent " + agentId + " must be ready to dial, is " + agent.state());
        }
        if (calls.attempts.values().stream().anyMatch(a -> a.lead.leadId() == lead.leadId())) {
            throw new IllegalStateException("lead " + lead.leadId() + " is being dialled already");
        }
        previews.forEach((other, previewed) -> {
            if (other != agentId && previewed.leadId() == lead.leadId()) {
                throw new IllegalStateException("lead " + lead.leadId() + " is on agent " + other + "'s preview");
            }
        });
        if (!governor.mayRedial(lead.phone())) {
            throw new IllegalStateException("the last call to " + lead.phone().e164() + " was abandoned: it may be dialled again from "
                    + governor.redialAllowedAt(lead.phone()));
        }
        DialLead previewed = previews.get(agentId);
        if (previewed != null && previewed.leadId() == lead.leadId()) {
            previews.remove(agentId);
        }
        leads.taken(lead.leadId());
        return lifecycle.place(lead, agentId);
    }

    /**
     * Preview mode: the agent passes on the lead it previewed. The lead goes back to the list, offered again no
     * sooner than {@code later}, and the agent previews the next one.
     */
    public Optional<DialLead> skipPreview(long agentId, Duration later) {
        DialLead lead = previews.remove(agentId);
        if (lead != null) {
            leads.putBack(lead, clock.now().plus(later));
        }
        return previewNext(agentId);
    }

    // ---- transfer to another agent ---------------------------------------------------------

    /**
     * Blind transfer to another agent of the campaign: the callee of the call {@code fromAgent} is on moves into
     * {@code toAgent}'s bridge. The first agent wraps up at once; the second, who must be ready, is on the call (its
     * screen pop) from now. If the second agent's phone does not take the callee within the connect deadline, the
     * callee hears the safe-harbour message, as any call no agent could take.
     */
    public void transferToAgent(long fromAgent, long toAgent) {
        routing.transfer(fromAgent, toAgent);
    }

    // ---- call events -----------------------------------------------------------------------

    @Override
    public void onEvent(CallEvent event) {
        clock.execute(() -> lifecycle.handle(event));
    }

    @Override
    public void onAgentLine(AgentLineEvent event) {
        clock.execute(() -> routing.agentLine(event));
    }

    // ---- what the campaign looks like now ---------------------------------------------------

    public DialerMetrics metrics() {
        Map<AttemptPhase, Integer> byPhase = new EnumMap<>(AttemptPhase.class);
        for (AttemptPhase phase : AttemptPhase.values()) {
            byPhase.put(phase, 0);
        }
        for (Attempt attempt : calls.attempts.values()) {
            byPhase.merge(attempt.phase, 1, Integer::sum);
        }
        return new DialerMetrics(clock.now(), pacing.running(), policy.name(), policy.dialLevel(situation),
                situation.callsInProgress(), byPhase, roster.countByState(), governor.windowRate(),
                governor.todayRate(), governor.todayAnswers(), governor.todayAbandons(), calls.callsPlaced,
                agentTime.occupancy(clock.nowMillis()));
    }

    /** Every reason the campaign is not dialling, or dialling less than it could; empty when all is well. */
    public List<NotDialingReason> whyNotDialing() {
        List<NotDialingReason> reasons = new ArrayList<>();
        if (!pacing.running()) {
            reasons.add(new NotDialingReason(NotDialingReason.Code.NOT_RUNNING, "the campaign is not running"));
            return reasons;
        }
        if (policy.agentInitiated()) {
            reasons.add(new NotDialingReason(NotDialingReason.Code.AGENTS_DIAL_IN_PREVIEW,
                    "preview mode: calls are placed by agents after reading the lead"));
        }
        if (settings.robotTakesAnswers()) {
            if (calls.robotCalls >= settings.pacing().robotCapacity()) {
                reasons.add(new NotDialingReason(NotDialingReason.Code.ROBOT_FULL,
                        "all " + settings.pacing().robotCapacity() + " robot conversations are in use"));
            }
        } else if (situation.readyAgents() == 0) {
            int staffed = situation.staffedAgents();
            reasons.add(new NotDialingReason(NotDialingReason.Code.NO_READY_AGENTS, staffed == 0
                    ? "no agent is logged in and ready"
                    : "no agent is ready: " + staffed + " logged in are on calls or wrapping up"));
        }
        if (pacing.leadsRanOut()) {
            reasons.add(new NotDialingReason(NotDialingReason.Code.NO_CALLABLE_LEADS, leads.whyEmpty()));
        }
        if (governor.atCap() && policy.heldToAbandonCap()) {
            reasons.add(new NotDialingReason(NotDialingReason.Code.ABANDON_CAP_REACHED, String.format(
                    "abandon rate %.2f %% has reached the %.2f %% target: dialling one call per free agent only",
                    governor.windowRate() * 100, settings.compliance().abandonTarget() * 100)));
        }
        if (telephony.freeLines() <= 0) {
            reasons.add(new NotDialingReason(NotDialingReason.Code.TRUNKS_FULL, "every trunk line is in use"));
        }
        machineDetection.warning().ifPresent(reasons::add);
        return reasons;
    }
}
