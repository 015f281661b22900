package org.opendialer.engine.asterisk;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asteriskjava.live.HangupCause;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.AgentLineEvent;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.CallEventListener;
import org.opendialer.engine.telephony.OriginateRequest;
import org.opendialer.engine.telephony.Telephony;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's telephony on Asterisk. Each call is originated asynchronously into the dialplan context
 * {@value #OUTBOUND} with the unique id chosen by the dialer ({@code dialer-<attempt>}), so every AMI event
 * of the call names its attempt; the attempt and campaign ids travel as channel variables. Calls are
 * spread over the servers by free capacity; a server whose connection is down takes no calls. Each logged-in
 * agent's phone is called once into the agent's own conference ({@link AgentLines}). Answered calls are
 * redirected: into that conference ({@value #AGENT}, Exten = agent id), to {@value #ROBOT}, to
 * {@value #SAFE_HARBOUR} or {@value #MESSAGE}. See {@code dialer-engine/asterisk/} for the dialplan.
 *
 * <p>The connections live in {@link AsteriskServers}, the calls followed in {@link CallTracker}, and the AMI events of
 * a call become the dialer's {@link CallEvent}s in {@link AmiEventTranslator}.
 */
public final class AsteriskTelephony implements Telephony {

    static final String OUTBOUND = "dialer-outbound";
    static final String AGENT = "dialer-agent";
    static final String ROBOT = "dialer-robot";
    static final String SAFE_HARBOUR = "dialer-safe-harbour";
    static final String TRANSFER = "dialer-transfer";
    static final String MESSAGE = "dialer-message";
    /** Q.850 normal clearing: the cause the dialer gives every hangup it asks for. */
    static final int NORMAL_CLEARING = HangupCauses.NORMAL_CLEARING;
    private static final Logger LOG = LoggerFactory.getLogger(AsteriskTelephony.class);
    /** How long a restarted Asterisk may take to load its modules before the dialer uses it anyway. */
    private static final Duration BOOT_WAIT = Duration.ofSeconds(30);

    private final DialerClock clock;
    private final AsteriskServers servers;
    private final CallTracker calls = new CallTracker();
    private final AmiEventTranslator translator = new AmiEventTranslator(this);
    private final AgentLines agentLines;
    private final ChannelLeases leases;
    private volatile CallEventListener listener = event -> { };

    public AsteriskTelephony(DialerClock clock, List<AsteriskServer> configured) {
        this(clock, configured, AgentLines.RING);
    }

    /** @param agentRing how long an agent's phone rings when the agent logs in (30 s unless told otherwise) */
    public AsteriskTelephony(DialerClock clock, List<AsteriskServer> configured, Duration agentRing) {
        this(clock, configured, agentRing, new InstanceChannelLeases());
    }

    /**
     * @param leases the servers' channels, shared with every other campaign dialling through them (each server's
     *               maximum holds for all of them together)
     */
    public AsteriskTelephony(DialerClock clock, List<AsteriskServer> configured, Duration agentRing, ChannelLeases leases) {
        this.clock = clock;
        this.leases = leases;
        this.agentLines = new AgentLines(this, agentRing);
        this.servers = new AsteriskServers(configured, leases);
    }

    /** Logs in to every server; one that does not answer is left out of rotation (and logged) until it does. */
    public void connect() {
        servers.connect(this::onEvent);
    }

    /** The servers that take calls now. */
    public List<String> serversInRotation() {
        return servers.inRotation();
    }

    /**
     * What stops the servers in rotation from taking the dialer's calls (a missing dialplan context, app_amd not
     * loaded when {@code machineDetection}), one sentence each; empty when every one is ready.
     */
    public List<String> readinessProblems(boolean machineDetection) {
        return readinessProblems(machineDetection, false);
    }

    /** As {@link #readinessProblems(boolean)}; with {@code robot}, also the robot's context and AudioSocket. */
    public List<String> readinessProblems(boolean machineDetection, boolean robot) {
        return servers.readinessProblems(machineDetection, robot);
    }

    @Override
    public void setListener(CallEventListener listener) {
        this.listener = listener;
    }

    @Override
    public void originate(OriginateRequest request) {
        ServerLink server = servers.pick(request.attemptId());
        if (server == null) {
            emit(new CallEvent.CallEnded(request.attemptId(), clock.now(), CallResult.CONGESTION,
                    HangupCause.AST_CAUSE_NORMAL_CIRCUIT_CONGESTION.getCode(), "no Asterisk server has a free line"));
            return;
        }
        AsteriskCall call = new AsteriskCall(request.attemptId(), server.config.name(), "dialer-" + request.attemptId().value(),
                request.detectMachine(), clock.nowMillis(), request.ringTimeout().toMillis());
        calls.follow(call, server);
        OriginateAction originate = new OriginateAction();
        originate.setChannel(server.config.channelFor(request.number().digits()));
        originate.setContext(OUTBOUND);
        originate.setExten("s");
        originate.setPriority(1);
        originate.setAsync(true);
        originate.setTimeout(request.ringTimeout().toMillis());
        originate.setChannelId(call.uniqueId);
        originate.setActionId(CallTracker.actionId(request.attemptId()));
        if (request.callerId() != null) {
            originate.setCallerId(request.callerId());
        }
        Map<String, String> variables = new HashMap<>(request.variables());
        variables.put("ATTEMPT_ID", Long.toString(request.attemptId().value()));
        variables.put("CAMPAIGN_ID", Long.toString(request.campaignId().value()));
        variables.put("DIALER_AMD", request.detectMachine() ? "1" : "0");
        variables.put("DIALER_RECORD", request.record() ? "1" : "0");
        originate.setVariables(ChannelVariables.escaped(variables));
        try {
            server.connection.sendAction(originate, response -> {
                if (response != null && "Error".equalsIgnoreCase(response.getResponse())) {
                    ended(call, CallResult.FAILED, 0, "originate refused: " + response.getMessage());
                }
            });
        } catch (IOException | IllegalStateException e) {
            ended(call, CallResult.FAILED, 0, "server " + server.config.name() + " unreachable: " + e.getMessage());
        }
    }

    @Override
    public boolean connectAgent(AgentEndpoint agent) {
        agentLines.connect(agent);
        return false;
    }

    @Override
    public void disconnectAgent(long agentId) {
        agentLines.disconnect(agentId);
    }

    /**
     * Redirects the callee into the agent's conference ({@value #AGENT}, Exten = the agent's id), where the agent's
     * phone waits; connected only when Asterisk reports the callee there (see AmiEventTranslator).
     */
    @Override
    public void bridge(AttemptId attempt, AgentEndpoint agent) {
        AsteriskCall call = calls.get(attempt);
        if (call == null) {
            return;
        }
        String unreachable = agentLines.unreachable(agent.agentId(), call.server);
        if (unreachable != null) {
            emit(new CallEvent.AgentUnreached(attempt, clock.now(), agent.agentId(), unreachable));
            return;
        }
        call.agentEndpoint = agent.endpoint();
        call.agentPending = agent.agentId();
        send(call, new RedirectAction(call.target(), AGENT, Long.toString(agent.agentId()), 1));
    }

    /** Why the agent's phone cannot take a call on {@code server} now, or null when it can. */
    String agentUnreachable(long agentId, String server) {
        return agentLines.unreachable(agentId, server);
    }

    @Override
    public void sendToRobot(AttemptId attempt) {
        redirectTo(attempt, ROBOT);
    }

    @Override
    public void playSafeHarbourAndHangup(AttemptId attempt) {
        redirectTo(attempt, SAFE_HARBOUR);
    }

    @Override
    public void leaveMessageAndHangup(AttemptId attempt) {
        redirectTo(attempt, MESSAGE);
    }

    @Override
    public void hangup(AttemptId attempt) {
        AsteriskCall call = calls.get(attempt);
        if (call != null) {
            send(call, new HangupAction(call.target(), NORMAL_CLEARING));
        }
    }

    /**
     * Sets {@code DIALER_TRANSFER_TO} on the callee's channel (the server's dial string for the number) and sends it to
     * {@value #TRANSFER}; the call's channel slot is given back with it, as the dialer no longer follows the call.
     */
    @Override
    public void transfer(AttemptId attempt, org.opendialer.engine.call.PhoneNumber to) {
        AsteriskCall call = calls.get(attempt);
        ServerLink server = call == null ? null : calls.serverOf(call);
        if (server == null) {
            return;
        }
        send(call, new org.asteriskjava.manager.action.SetVarAction(call.target(), "DIALER_TRANSFER_TO", server.config.channelFor(to.digits())));
        send(call, new RedirectAction(call.target(), TRANSFER, "s", 1));
        ended(call, CallResult.HUMAN, NORMAL_CLEARING, "transferred to " + to.e164());
    }

    @Override
    public int freeLines() {
        return servers.freeLines();
    }

    @Override
    public void close() {
        agentLines.disconnectAll();
        servers.logoffAll();
    }

    private void redirectTo(AttemptId attempt, String context) {
        AsteriskCall call = calls.get(attempt);
        if (call != null) {
            send(call, redirect(call, context));
        }
    }

    private static RedirectAction redirect(AsteriskCall call, String context) {
        return new RedirectAction(call.target(), context, "s", 1);
    }

    private void send(AsteriskCall call, ManagerAction action) {
        ServerLink server = calls.serverOf(call);
        if (server == null) {
            return;
        }
        try {
            server.connection.sendAction(action, response -> { });
        } catch (IOException | IllegalStateException e) {
            LOG.warn("{} for attempt {} not sent to {}: {}", action.getAction(), call.attempt, call.server, e.getMessage());
        }
    }

    // ---- events ------------------------------------------------------------------------------

    private void onEvent(ServerLink server, ManagerEvent event) {
        if (servers.connectionEvent(server, event, this::reconnected)) {
            return;
        }
        if (event instanceof OriginateResponseEvent response) {
            if (agentLines.originateResponse(response)) {
                return;
            }
            AsteriskCall call = calls.answeredBy(response);
            if (call != null) {
                translator.originateResponse(call, response);
            }
            return;
        }
        String uniqueId = AmiEventTranslator.uniqueIdOf(event);
        AsteriskCall call = calls.byUniqueId(uniqueId);
        if (call != null) {
            translator.onCallEvent(call, event);
        } else if (agentLines.owns(uniqueId)) {
            agentLines.onEvent(uniqueId, event);
        }
    }

    /** Asterisk-Java has reconnected: calls that lived through the outage carry on, the others are closed. */
    private void reconnected(ServerLink server) {
        Thread reconcile = new Thread(() -> {
            server.awaitBooted(BOOT_WAIT);
            reconcile(server);
        }, "dialer-ami-reconcile");
        reconcile.setDaemon(true);
        reconcile.start();
    }

    /**
     * Closes the calls this server no longer has (asked with CoreShowChannels after a reconnect), so no attempt
     * stays open and no lead waits for an answer that will never come; nothing is dialled again here.
     */
    void reconcile(ServerLink server) {
        Set<String> alive = server.channelsUpAsking(5);
        if (alive == null) {
            alive = Set.of(); // it cannot say which are up: nothing the dialer followed is known to be
            LOG.warn("Asterisk server {} did not list its channels after reconnecting: closing the calls it had", server.config.name());
        }
        agentLines.reconcile(server.config.name(), alive);
        for (AsteriskCall call : calls.all()) {
            if (calls.serverOf(call) == server && !alive.contains(call.uniqueId)) {
                ended(call, call.answered ? CallResult.HUMAN : CallResult.FAILED, 0, "channel gone after the AMI connection was lost");
            }
        }
    }

    /** The unique ids of the channels up on the named server now (CoreShowChannels); null when it cannot be asked. */
    public Set<String> channelsUp(String serverName) {
        return servers.channelsUp(serverName);
    }

    /**
     * Follows an answered call that an earlier run of the dialer placed and that is still up on {@code serverName}
     * (a restart after a crash): it holds a channel lease again, and its Hangup ends it with Asterisk's cause,
     * reported to the listener as a {@link CallEvent.CallEnded} like any call.
     */
    public void adopt(AttemptId attempt, String serverName, String uniqueId, String channel) {
        ServerLink server = servers.named(serverName);
        if (server == null) {
            throw new IllegalArgumentException("no Asterisk server named " + serverName);
        }
        leases.acquire(serverName, Integer.MAX_VALUE, attempt); // it is up already: the maximum does not refuse it
        AsteriskCall call = new AsteriskCall(attempt, serverName, uniqueId, false, clock.nowMillis(), 0);
        call.channel = channel;
        call.ringing = true;
        call.answered = true;
        calls.follow(call, server);
    }

    /** Hangs up a channel of the named server by its unique id, with normal clearing. */
    public void hangUp(String serverName, String uniqueId) {
        String error = sendTo(serverName, new HangupAction(uniqueId, NORMAL_CLEARING), null);
        if (error != null) {
            LOG.warn("Hangup of {} not sent: {}", uniqueId, error);
        }
    }

    /**
     * Closes calls stuck past any sensible time in one state (Asterisk lost them or an event went missing):
     * not answered {@code ringGrace} after the ring timeout, or on the line longer than {@code maxTalk}.
     */
    public int watchdog(Duration ringGrace, Duration maxTalk) {
        long now = clock.nowMillis();
        int closed = 0;
        for (AsteriskCall call : calls.all()) {
            long age = now - call.placedAtMillis;
            boolean stuckRinging = !call.answered && age > call.ringTimeoutMillis + ringGrace.toMillis();
            boolean stuckTalking = call.answered && age > maxTalk.toMillis();
            if (stuckRinging || stuckTalking) {
                send(call, new HangupAction(call.target(), NORMAL_CLEARING));
                ended(call, stuckRinging ? CallResult.FAILED : CallResult.HUMAN, 0, "closed by the watchdog: no word from Asterisk");
                closed++;
            }
        }
        return closed;
    }

    void ended(AsteriskCall call, CallResult result, int cause, String text) {
        if (!calls.forget(call, server -> leases.release(server.config.name(), call.attempt))) {
            return; // already ended (the hangup of a failed originate, say)
        }
        emit(new CallEvent.CallEnded(call.attempt, clock.now(), result, cause, text));
    }

    void emit(CallEvent event) {
        listener.onEvent(event);
    }

    void emitAgentLine(AgentLineEvent event) {
        listener.onAgentLine(event);
    }

    java.time.Instant now() {
        return clock.now();
    }

    long nowMillis() {
        return clock.nowMillis();
    }

    /** The server agents' phones are called on: the first one up (calls on another cannot reach them). */
    String serverForAgents() {
        return servers.firstUp();
    }

    /**
     * Sends an action to the named server; {@code refused} hears the message of an Error response.
     *
     * @return why it could not be sent, or null
     */
    String sendTo(String serverName, ManagerAction action, java.util.function.Consumer<String> refused) {
        return servers.sendTo(serverName, action, refused);
    }
}
