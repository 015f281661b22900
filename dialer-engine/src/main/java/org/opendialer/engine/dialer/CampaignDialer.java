package org.opendialer.engine.dialer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentRoster;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.agent.AgentStateChange;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.compliance.AbandonGovernor;
import org.opendialer.engine.compliance.AmdAudit;
import org.opendialer.engine.pacing.AnswerRatePriors;
import org.opendialer.engine.pacing.CallStatistics;
import org.opendialer.engine.pacing.PacingPolicy;
import org.opendialer.engine.pacing.PacingSettings;
import org.opendialer.engine.pacing.PacingSituation;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.AgentLineEvent;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.CallEventListener;
import org.opendialer.engine.telephony.OriginateRequest;
import org.opendialer.engine.telephony.Telephony;

/**
 * Dials one campaign. Every second it asks the pacing policy how many calls to place, caps that by
 * lines per agent and free trunk lines, and places calls for the next leads. Each live answer goes at
 * once to the longest-idle ready agent with the skill it needs, or to the robot in agentless mode; one
 * that finds no agent within the connect deadline is abandoned with the safe-harbour message and
 * counted against the abandon target.
 *
 * <p>Threading: everything runs on the clock's thread. Telephony events are handed over with
 * {@link DialerClock#execute}; agent commands from other threads must be handed over the same way
 * (the service does so), the simulation calls them on the clock thread directly.
 */
public final class CampaignDialer implements CallEventListener {

    private static final Duration TICK = Duration.ofSeconds(1);
    /** How long a hot lead handed over by the robot waits for an agent. */
    static final Duration HANDOFF_PATIENCE = Duration.ofSeconds(30);

    private final DialerClock clock;
    private final Telephony telephony;
    private final LeadSource leads;
    private final AttemptLog log;
    private final DialerSettings settings;
    private final PacingPolicy policy;
    private final AgentRoster roster;
    private final AbandonGovernor governor;
    private final CallStatistics statistics;
    private final MachineDetectionAccounting machineDetection;
    private final Map<AttemptId, Attempt> attempts = new HashMap<>();
    private final ArrayDeque<Attempt> waiting = new ArrayDeque<>();
    private final Map<Long, Long> wrapStartedAt = new HashMap<>();
    private final Map<Long, String> pauseAfterWrap = new HashMap<>();
    private final Map<Long, DialLead> previews = new HashMap<>();
    /** Agents whose phone is in their bridge (true) or being called (false); absent: not on the line. */
    private final Map<Long, Boolean> phones = new HashMap<>();
    private final List<Consumer<AttemptOutcome>> outcomeListeners = new ArrayList<>();
    private final Situation situation = new Situation();
    private final AgentTime agentTime = new AgentTime();
    private boolean running;
    private boolean leadsRanOut;
    private DialerClock.Scheduled nextTick;
    private int inFlight;
    private int connected;
    private int robotCalls;
    private long callsPlaced;
    private long answered;
    private long abandoned;

    public CampaignDialer(DialerClock clock, Telephony telephony, LeadSource leads, AttemptLog log,
                          DialerSettings settings, PacingPolicy policy) {
        this.clock = clock;
        this.telephony = telephony;
        this.leads = leads;
        this.log = log;
        this.settings = settings;
        this.policy = policy;
        this.roster = new AgentRoster(clock);
        this.governor = new AbandonGovernor(clock, settings.compliance(), settings.zone());
        this.statistics = new CallStatistics(settings.pacing(), AnswerRatePriors.none(settings.zone()));
        this.machineDetection = new MachineDetectionAccounting(settings);
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
        if (!running) {
            running = true;
            nextTick = clock.schedule(Duration.ZERO, this::tick);
        }
    }

    /** Stops placing calls and hangs up dials still ringing; calls already talking carry on. */
    public void stop() {
        running = false;
        if (nextTick != null) {
            nextTick.cancel();
        }
        for (Attempt attempt : List.copyOf(attempts.values())) {
            if (attempt.phase.inFlight()) {
                telephony.hangup(attempt.id);
            }
        }
    }

    public boolean running() {
        return running;
    }

    /** Calls not ended yet: ringing, waiting for an agent, with an agent or with the robot. */
    public int callsUnderWay() {
        return attempts.size();
    }

    /** Hangs up every call not ended yet (a stop that will not wait); each ends with its result as usual. */
    public void hangUpAll() {
        for (Attempt attempt : List.copyOf(attempts.values())) {
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

    /** Ready for calls; an agent whose phone has dropped has it called again and is ready once it is back. */
    public void ready(long agentId) {
        Agent agent = roster.find(agentId).orElse(null);
        boolean offCall = agent != null && (agent.state() == AgentState.PAUSED || agent.state() == AgentState.WRAP_UP);
        if (offCall && !Boolean.TRUE.equals(phones.get(agentId))) {
            callPhone(agent);
            return;
        }
        roster.ready(agentId);
        connectWaiting();
    }

    public void pause(long agentId, String reason) {
        roster.pause(agentId, reason);
    }

    public void logout(long agentId) {
        roster.logout(agentId);
        wrapStartedAt.remove(agentId);
        if (phones.remove(agentId) != null) {
            telephony.disconnectAgent(agentId);
        }
    }

    /** True while the agent's phone is in the agent's bridge, waiting for calls. */
    public boolean phoneOnLine(long agentId) {
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

    private void agentLine(AgentLineEvent event) {
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
            Attempt bridging = attempts.values().stream().filter(a -> a.bridging && a.agentId == id).findFirst().orElse(null);
            if (bridging != null) {
                agentUnreached(bridging, reason);
            } else if (agent.state() == AgentState.ON_CALL || agent.state() == AgentState.WRAP_UP) {
                pauseAfterWrap.put(id, reason);
            } else {
                roster.phoneUnreachable(id, reason);
            }
        }
    }

    /** The agent set a disposition: wrap-up is over and the agent is ready, or paused if asked for. */
    public void completeWrapUp(long agentId) {
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

    /** The agent asks to pause after the current call; honoured when wrap-up ends. */
    public void pauseAfterWrapUp(long agentId, String reason) {
        pauseAfterWrap.put(agentId, reason);
    }

    // ---- preview dialling ------------------------------------------------------------------

    /** Preview mode: reserves the next lead for a ready agent to read before dialling it. */
    public Optional<DialLead> previewNext(long agentId) {
        DialLead lead = previews.get(agentId);
        if (lead == null) {
            lead = nextDialableLead().orElse(null);
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
        return place(lead, agentId);
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
        if (attempts.values().stream().anyMatch(a -> a.lead.leadId() == lead.leadId())) {
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
        return place(lead, agentId);
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
        Agent from = roster.find(fromAgent).orElseThrow(() -> new IllegalStateException("agent " + fromAgent + " is not logged in"));
        Attempt attempt = from.attempt() == null ? null : attempts.get(from.attempt());
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
        connected--; // bridge() counts the call as connected again
        bridge(attempt, toAgent);
    }

    // ---- pacing tick -----------------------------------------------------------------------

    private void tick() {
        if (!running) {
            return;
        }
        nextTick = clock.schedule(TICK, this::tick);
        if (policy.agentInitiated()) {
            return;
        }
        int wanted = withinAbandonAllowance(policy.callsToPlace(situation));
        int calls = Math.min(wanted, lineRoom());
        calls = Math.min(calls, telephony.freeLines());
        leadsRanOut = false;
        for (int i = 0; i < calls; i++) {
            Optional<DialLead> lead = nextDialableLead();
            if (lead.isEmpty()) {
                leadsRanOut = true;
                break;
            }
            place(lead.get(), 0);
        }
    }

    /**
     * Every mode obeys the abandon rules, whatever its ratio: at the cap it dials one call per free agent, so
     * that no live answer can find every agent busy; below it, a fixed ratio (power, progressive with a factor)
     * may dial past the free agents only as far as the abandons those extra calls risk (each becomes a live
     * answer with the campaign's answer share) fit into the allowance left in the window. Robot calls cannot
     * be abandoned.
     */
    private int withinAbandonAllowance(int wanted) {
        if (settings.robotTakesAnswers() || !policy.heldToAbandonCap()) {
            return wanted;
        }
        int beyondAgents = situation.dialsInFlight() + situation.waitingCalls() - situation.readyAgents();
        int forFreeAgents = Math.max(0, -beyondAgents);
        if (governor.atCap()) {
            return Math.min(wanted, forFreeAgents);
        }
        if (policy.forecastsItsAbandons()) {
            return wanted;
        }
        double liveShare = Math.max(0.01, situation.statistics().routableProbability());
        int extraAllowed = (int) Math.floor(governor.remainingAllowance() / liveShare) - Math.max(0, beyondAgents);
        return Math.min(wanted, forFreeAgents + Math.max(0, extraAllowed));
    }

    /** Lines the campaign may still open: lines per staffed agent (robot ports in agentless mode). */
    private int lineRoom() {
        PacingSettings pacing = settings.pacing();
        double lines = settings.robotTakesAnswers()
                ? pacing.robotCapacity() * pacing.maxLinesPerAgent()
                : pacing.maxLinesPerAgent() * situation.staffedAgents();
        return Math.max(0, (int) Math.floor(lines) - inFlight - waiting.size());
    }

    private Optional<DialLead> nextDialableLead() {
        for (int skipped = 0; skipped < 100; skipped++) {
            Optional<DialLead> lead = leads.next();
            if (lead.isEmpty() || governor.mayRedial(lead.get().phone())) {
                return lead;
            }
            leads.putBack(lead.get(), governor.redialAllowedAt(lead.get().phone()));
        }
        return Optional.empty();
    }

    private AttemptId place(DialLead lead, long reservedAgent) {
        Instant now = clock.now();
        AttemptId id = log.open(settings.campaignId(), lead, now);
        Attempt attempt = new Attempt(id, lead, now.toEpochMilli(), reservedAgent);
        attempts.put(id, attempt);
        inFlight++;
        callsPlaced++;
        Map<String, String> variables = new HashMap<>(lead.variables());
        variables.put("ATTEMPT_ID", id.toString());
        variables.put("CAMPAIGN_ID", settings.campaignId().toString());
        variables.put("LEAD_ID", Long.toString(lead.leadId()));
        telephony.originate(new OriginateRequest(id, settings.campaignId(), lead.phone(), settings.callerId(),
                settings.ringTimeout(), settings.detectMachines(), settings.record(), variables));
        return id;
    }

    // ---- call events -----------------------------------------------------------------------

    @Override
    public void onEvent(CallEvent event) {
        clock.execute(() -> handle(event));
    }

    @Override
    public void onAgentLine(AgentLineEvent event) {
        clock.execute(() -> agentLine(event));
    }

    private void handle(CallEvent event) {
        Attempt attempt = attempts.get(event.attemptId());
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
            bridgeConfirmed(attempt, bridged);
        } else if (event instanceof CallEvent.AgentUnreached unreached) {
            agentUnreached(attempt, unreached.reason());
        } else if (event instanceof CallEvent.RobotHandoff) {
            handoff(attempt);
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
        inFlight--;
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
        answered++;
        governor.liveAnswer();
        if (attempt.reservedAgent != 0) {
            roster.assign(attempt.reservedAgent, attempt.id);
            bridge(attempt, attempt.reservedAgent);
        } else if (settings.robotTakesAnswers()) {
            if (robotCalls >= settings.pacing().robotCapacity()) {
                abandon(attempt);
            } else {
                attempt.phase = AttemptPhase.WITH_ROBOT;
                attempt.robot = true;
                attempt.bridgedAtMillis = now;
                robotCalls++;
                progressed(attempt);
                telephony.sendToRobot(attempt.id);
            }
        } else {
            Optional<Agent> agent = roster.assignLongestIdle(attempt.lead.skill(), attempt.id);
            if (agent.isPresent()) {
                bridge(attempt, agent.get().id());
            } else {
                attempt.phase = AttemptPhase.WAITING_FOR_AGENT;
                waiting.addLast(attempt);
                progressed(attempt);
                attempt.deadline = clock.schedule(settings.compliance().connectDeadline(), () -> deadlinePassed(attempt));
            }
        }
    }

    /**
     * The robot passes a hot lead on: to the longest-idle ready agent now, or the first one ready within
     * {@link #HANDOFF_PATIENCE}. The callee has been talking to the robot all along, so this wait is not an
     * abandoned call; if no agent comes, the call ends and the robot's callback or disposition stands.
     */
    private void handoff(Attempt attempt) {
        if (attempt.phase != AttemptPhase.WITH_ROBOT) {
            return;
        }
        robotCalls--;
        attempt.handoff = true;
        Optional<Agent> agent = roster.assignLongestIdle(attempt.lead.skill(), attempt.id);
        if (agent.isPresent()) {
            bridge(attempt, agent.get().id());
            return;
        }
        attempt.phase = AttemptPhase.WAITING_FOR_AGENT;
        waiting.addLast(attempt);
        progressed(attempt);
        attempt.deadline = clock.schedule(HANDOFF_PATIENCE, () -> {
            if (attempt.phase == AttemptPhase.WAITING_FOR_AGENT) {
                waiting.remove(attempt);
                telephony.hangup(attempt.id);
            }
        });
    }

    /**
     * Sends the call to the agent. The agent is taken and the call counts as connected for pacing at once, but it
     * is stored as bridged only when the telephony reports the bridge; if that does not happen within the connect
     * deadline (the agent's line is gone or the telephony lost the call), the callee hears the safe-harbour message and the call is
     * abandoned.
     */
    private void bridge(Attempt attempt, long agentId) {
        attempt.phase = AttemptPhase.CONNECTED;
        attempt.agentId = agentId;
        attempt.bridging = true;
        connected++;
        Agent agent = roster.find(agentId).orElseThrow();
        attempt.deadline = clock.schedule(settings.compliance().connectDeadline(),
                () -> agentUnreached(attempt, "the call did not reach the agent's bridge within the connect deadline"));
        telephony.bridge(attempt.id, agent.endpoint());
    }

    private void bridgeConfirmed(Attempt attempt, CallEvent.CallBridged bridged) {
        if (!attempt.bridging || attempt.phase != AttemptPhase.CONNECTED) {
            return;
        }
        attempt.bridging = false;
        attempt.deadline.cancel();
        attempt.bridgedAtMillis = bridged.at().toEpochMilli();
        progressed(attempt);
    }

    /** The agent's phone never took the call: the agent is paused with the reason, the callee abandoned. */
    private void agentUnreached(Attempt attempt, String reason) {
        if (!attempt.bridging || attempt.phase != AttemptPhase.CONNECTED) {
            return;
        }
        attempt.bridging = false;
        attempt.deadline.cancel();
        connected--;
        roster.phoneUnreachable(attempt.agentId, reason);
        attempt.agentId = 0;
        abandon(attempt);
    }

    /** Routes waiting answers, oldest first, to agents that have become ready. */
    private void connectWaiting() {
        while (!waiting.isEmpty()) {
            Attempt oldest = waiting.peekFirst();
            Optional<Agent> agent = roster.assignLongestIdle(oldest.lead.skill(), oldest.id);
            if (agent.isEmpty()) {
                if (oldest.lead.skill() == null) {
                    return;
                }
                // a skilled call blocks nobody else: try the others behind it once
                boolean routedAny = false;
                for (Attempt other : List.copyOf(waiting)) {
                    Optional<Agent> free = roster.assignLongestIdle(other.lead.skill(), other.id);
                    if (free.isPresent()) {
                        waiting.remove(other);
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
            waiting.pollFirst();
            oldest.deadline.cancel();
            bridge(oldest, agent.get().id());
        }
    }

    private void deadlinePassed(Attempt attempt) {
        if (attempt.handoff) {
            return;
        }
        if (attempt.phase == AttemptPhase.WAITING_FOR_AGENT) {
            waiting.remove(attempt);
            abandon(attempt);
        }
    }

    private void abandon(Attempt attempt) {
        attempt.phase = AttemptPhase.ABANDONING;
        attempt.abandoned = true;
        abandoned++;
        governor.abandoned(attempt.lead.phone());
        progressed(attempt);
        telephony.playSafeHarbourAndHangup(attempt.id);
    }

    private void progressed(Attempt attempt) {
        log.progressed(attempt.id, attempt.phase, clock.now(), attempt.agentId);
    }

    private void ended(Attempt attempt, CallEvent.CallEnded ended) {
        long now = clock.nowMillis();
        switch (attempt.phase) {
            case DIALING, RINGING -> {
                inFlight--;
                statistics.dialResolved(now, (now - attempt.placedAtMillis) / 1000.0, false);
            }
            case WAITING_FOR_AGENT -> {
                waiting.remove(attempt);
                attempt.deadline.cancel();
                if (!attempt.handoff) {
                    // the callee hung up before an agent was free: still an abandoned call
                    attempt.abandoned = true;
                    abandoned++;
                    governor.abandoned(attempt.lead.phone());
                }
            }
            case CONNECTED -> {
                connected--;
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
            case WITH_ROBOT -> robotCalls--;
            default -> {
            }
        }
        attempt.phase = AttemptPhase.ENDED;
        attempts.remove(attempt.id);
        AttemptOutcome outcome = attempt.outcome(settings.campaignId(), ended.at().toEpochMilli(), ended.result(),
                ended.cause(), ended.causeText());
        log.closed(outcome);
        for (Consumer<AttemptOutcome> listener : outcomeListeners) {
            listener.accept(outcome);
        }
    }

    // ---- what the campaign looks like now ---------------------------------------------------

    public DialerMetrics metrics() {
        Map<AttemptPhase, Integer> byPhase = new EnumMap<>(AttemptPhase.class);
        for (AttemptPhase phase : AttemptPhase.values()) {
            byPhase.put(phase, 0);
        }
        for (Attempt attempt : attempts.values()) {
            byPhase.merge(attempt.phase, 1, Integer::sum);
        }
        return new DialerMetrics(clock.now(), running, policy.name(), policy.dialLevel(situation),
                situation.callsInProgress(), byPhase, roster.countByState(), governor.windowRate(),
                governor.todayRate(), governor.todayAnswers(), governor.todayAbandons(), callsPlaced,
                agentTime.occupancy(clock.nowMillis()));
    }

    /** Every reason the campaign is not dialling, or dialling less than it could; empty when all is well. */
    public List<NotDialingReason> whyNotDialing() {
        List<NotDialingReason> reasons = new ArrayList<>();
        if (!running) {
            reasons.add(new NotDialingReason(NotDialingReason.Code.NOT_RUNNING, "the campaign is not running"));
            return reasons;
        }
        if (policy.agentInitiated()) {
            reasons.add(new NotDialingReason(NotDialingReason.Code.AGENTS_DIAL_IN_PREVIEW,
                    "preview mode: calls are placed by agents after reading the lead"));
        }
        if (settings.robotTakesAnswers()) {
            if (robotCalls >= settings.pacing().robotCapacity()) {
                reasons.add(new NotDialingReason(NotDialingReason.Code.ROBOT_FULL,
                        "all " + settings.pacing().robotCapacity() + " robot conversations are in use"));
            }
        } else if (situation.readyAgents() == 0) {
            int staffed = situation.staffedAgents();
            reasons.add(new NotDialingReason(NotDialingReason.Code.NO_READY_AGENTS, staffed == 0
                    ? "no agent is logged in and ready"
                    : "no agent is ready: " + staffed + " logged in are on calls or wrapping up"));
        }
        if (leadsRanOut) {
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

    /** The pacing policy's view of the floor; a live view over the dialer's own fields. */
    private final class Situation implements PacingSituation {

        @Override
        public long nowMillis() {
            return clock.nowMillis();
        }

        @Override
        public Collection<Agent> agents() {
            return roster.agents();
        }

        @Override
        public int readyAgents() {
            return agentTime.count(AgentState.READY);
        }

        @Override
        public int onCallAgents() {
            return agentTime.count(AgentState.ON_CALL);
        }

        @Override
        public int wrapUpAgents() {
            return agentTime.count(AgentState.WRAP_UP);
        }

        @Override
        public long[] dialsInFlightPlacedAt() {
            long[] placed = new long[inFlight];
            int i = 0;
            for (Attempt attempt : attempts.values()) {
                if (attempt.phase.inFlight() && i < placed.length) {
                    placed[i++] = attempt.placedAtMillis;
                }
            }
            return placed;
        }

        @Override
        public int dialsInFlight() {
            return inFlight;
        }

        @Override
        public int waitingCalls() {
            return waiting.size();
        }

        @Override
        public int callsInProgress() {
            return attempts.size();
        }

        @Override
        public int robotCalls() {
            return robotCalls;
        }

        @Override
        public long callsPlaced() {
            return callsPlaced;
        }

        @Override
        public long answered() {
            return answered;
        }

        @Override
        public long abandoned() {
            return abandoned;
        }

        @Override
        public CallStatistics statistics() {
            return statistics;
        }

        @Override
        public AbandonGovernor governor() {
            return governor;
        }

        @Override
        public PacingSettings settings() {
            return settings.pacing();
        }

        @Override
        public double hiddenAbandonRate() {
            return CampaignDialer.this.hiddenAbandonRate();
        }
    }
}
