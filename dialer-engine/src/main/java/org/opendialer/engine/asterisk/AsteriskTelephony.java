package org.opendialer.engine.asterisk;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.telephony.AgentEndpoint;
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
 * spread over the servers by free capacity; a server whose connection is down takes no calls. Answered
 * calls are redirected: to {@value #AGENT} (with AGENT_ENDPOINT set) for an agent, to {@value #ROBOT}, to
 * {@value #SAFE_HARBOUR} or {@value #MESSAGE}. See {@code dialer-engine/asterisk/} for the dialplan.
 */
public final class AsteriskTelephony implements Telephony {

    static final String OUTBOUND = "dialer-outbound";
    static final String AGENT = "dialer-agent";
    static final String ROBOT = "dialer-robot";
    static final String SAFE_HARBOUR = "dialer-safe-harbour";
    static final String MESSAGE = "dialer-message";
    private static final Logger LOG = LoggerFactory.getLogger(AsteriskTelephony.class);

    private final DialerClock clock;
    private final List<Server> servers = new ArrayList<>();
    private final Map<AttemptId, Call> calls = new ConcurrentHashMap<>();
    private final Map<String, Call> byUniqueId = new ConcurrentHashMap<>();
    private volatile CallEventListener listener = event -> { };

    public AsteriskTelephony(DialerClock clock, List<AsteriskServer> configured) {
        this.clock = clock;
        for (AsteriskServer config : configured) {
            servers.add(new Server(config));
        }
    }

    /** Logs in to every server; one that does not answer is left out of rotation (and logged) until it does. */
    public void connect() {
        for (Server server : servers) {
            server.connect();
        }
    }

    /** The servers that take calls now. */
    public List<String> serversInRotation() {
        return servers.stream().filter(Server::up).map(s -> s.config.name()).toList();
    }

    @Override
    public void setListener(CallEventListener listener) {
        this.listener = listener;
    }

    @Override
    public void originate(OriginateRequest request) {
        Server server = pick();
        if (server == null) {
            emit(new CallEvent.CallEnded(request.attemptId(), clock.now(), CallResult.CONGESTION, 34, "no Asterisk server has a free line"));
            return;
        }
        Call call = new Call(request.attemptId(), server, "dialer-" + request.attemptId().value(), request.detectMachine(),
                clock.nowMillis(), request.ringTimeout().toMillis());
        calls.put(call.attempt, call);
        byUniqueId.put(call.uniqueId, call);
        server.inUse++;
        OriginateAction originate = new OriginateAction();
        originate.setChannel(server.config.channelFor(request.number().digits()));
        originate.setContext(OUTBOUND);
        originate.setExten("s");
        originate.setPriority(1);
        originate.setAsync(true);
        originate.setTimeout(request.ringTimeout().toMillis());
        originate.setChannelId(call.uniqueId);
        originate.setActionId("attempt-" + request.attemptId().value());
        if (request.callerId() != null) {
            originate.setCallerId(request.callerId());
        }
        Map<String, String> variables = new HashMap<>(request.variables());
        variables.put("ATTEMPT_ID", Long.toString(request.attemptId().value()));
        variables.put("CAMPAIGN_ID", Long.toString(request.campaignId().value()));
        variables.put("DIALER_AMD", request.detectMachine() ? "1" : "0");
        variables.put("DIALER_RECORD", request.record() ? "1" : "0");
        originate.setVariables(variables);
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

    private synchronized Server pick() {
        Server best = null;
        for (Server s : servers) {
            if (s.up() && s.inUse < s.config.maxChannels() && (best == null || s.free() > best.free())) {
                best = s;
            }
        }
        return best;
    }

    @Override
    public void bridge(AttemptId attempt, AgentEndpoint agent) {
        Call call = calls.get(attempt);
        if (call == null) {
            return;
        }
        send(call, setVar(call, "AGENT_ENDPOINT", agent.endpoint()));
        send(call, redirect(call, AGENT));
        emit(new CallEvent.CallBridged(attempt, clock.now(), agent.agentId()));
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
        Call call = calls.get(attempt);
        if (call != null && call.channel != null) {
            HangupAction hangup = new HangupAction(call.channel);
            send(call, hangup);
        }
    }

    @Override
    public int freeLines() {
        int free = 0;
        for (Server s : servers) {
            if (s.up()) {
                free += Math.max(0, s.free());
            }
        }
        return free;
    }

    @Override
    public void close() {
        for (Server s : servers) {
            if (s.connection != null && s.connection.getState() == ManagerConnectionState.CONNECTED) {
                s.connection.logoff();
            }
        }
    }

    private void redirectTo(AttemptId attempt, String context) {
        Call call = calls.get(attempt);
        if (call != null) {
            send(call, redirect(call, context));
        }
    }

    private static RedirectAction redirect(Call call, String context) {
        return new RedirectAction(call.channel, context, "s", 1);
    }

    private static SetVarAction setVar(Call call, String name, String value) {
        return new SetVarAction(call.channel, name, value);
    }

    private void send(Call call, ManagerAction action) {
        try {
            call.server.connection.sendAction(action, response -> { });
        } catch (IOException | IllegalStateException e) {
            LOG.warn("{} for attempt {} not sent to {}: {}", action.getAction(), call.attempt, call.server.config.name(), e.getMessage());
        }
    }

    // ---- events ------------------------------------------------------------------------------

    private void onEvent(Server server, ManagerEvent event) {
        if (event instanceof DisconnectEvent) {
            LOG.warn("Asterisk server {} disconnected: out of rotation until it answers again", server.config.name());
            return;
        }
        if (event instanceof ConnectEvent && server.loggedInOnce) {
            // Asterisk-Java has reconnected: calls that lived through the outage carry on, the others are closed
            Thread reconcile = new Thread(() -> reconcile(server), "dialer-ami-reconcile");
            reconcile.setDaemon(true);
            reconcile.start();
            return;
        }
        if (event instanceof OriginateResponseEvent response) {
            Call call = response.getUniqueId() != null ? byUniqueId.get(response.getUniqueId()) : null;
            if (call == null && response.getActionId() != null && response.getActionId().startsWith("attempt-")) {
                call = calls.get(new AttemptId(Long.parseLong(response.getActionId().substring("attempt-".length()))));
            }
            if (call != null && !"Success".equalsIgnoreCase(response.getResponse())) {
                int reason = response.getReason() == null ? 0 : response.getReason();
                ended(call, HangupCauses.originateFailed(reason), HangupCauses.causeOfReason(reason), "originate failed, reason " + reason);
            }
            return;
        }
        String uniqueId = uniqueIdOf(event);
        Call call = uniqueId == null ? null : byUniqueId.get(uniqueId);
        if (call == null) {
            return;
        }
        if (event instanceof NewStateEvent state) {
            call.channel = state.getChannel();
            Integer s = state.getChannelState();
            if (s != null && s == 5 && !call.ringing) {
                call.ringing = true;
                emit(new CallEvent.CallRinging(call.attempt, clock.now(), server.config.name(), call.channel, call.uniqueId));
            } else if (s != null && s == 6 && !call.answered) {
                call.answered = true;
                if (!call.detect) {
                    emit(new CallEvent.CallAnswered(call.attempt, clock.now(), null, null));
                }
            }
        } else if (event instanceof VarSetEvent var && "DIALER_RECORDING".equalsIgnoreCase(var.getVariable())) {
            emit(new CallEvent.RecordingStarted(call.attempt, clock.now(), var.getValue()));
        } else if (event instanceof VarSetEvent var && "AMDSTATUS".equalsIgnoreCase(var.getVariable()) && call.detect) {
            call.amd = "MACHINE".equalsIgnoreCase(var.getValue()) ? AmdStatus.MACHINE
                    : "HUMAN".equalsIgnoreCase(var.getValue()) ? AmdStatus.HUMAN : AmdStatus.NOTSURE;
            emit(new CallEvent.CallAnswered(call.attempt, clock.now(), call.amd, var.getValue()));
        } else if (event instanceof HangupEvent hangup) {
            int cause = hangup.getCause() == null ? 0 : hangup.getCause();
            CallResult result = call.answered ? (call.amd == AmdStatus.MACHINE ? CallResult.MACHINE : CallResult.HUMAN)
                    : HangupCauses.unanswered(cause);
            ended(call, result, cause, hangup.getCauseTxt());
        }
    }

    /**
     * Closes the calls this server no longer has (asked with CoreShowChannels after a reconnect), so no attempt
     * stays open and no lead waits for an answer that will never come; nothing is dialled again here.
     */
    void reconcile(Server server) {
        java.util.Set<String> alive = new java.util.HashSet<>();
        try {
            ResponseEvents listed = server.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 10_000);
            for (ManagerEvent e : listed.getEvents()) {
                if (e instanceof CoreShowChannelEvent channel && channel.getUniqueid() != null) {
                    alive.add(channel.getUniqueid());
                }
            }
        } catch (Exception e) {
            LOG.warn("Could not list the channels of {} after reconnecting: {}", server.config.name(), e.getMessage());
            return;
        }
        for (Call call : List.copyOf(calls.values())) {
            if (call.server == server && !alive.contains(call.uniqueId)) {
                ended(call, call.answered ? CallResult.HUMAN : CallResult.FAILED, 0, "channel gone after the AMI connection was lost");
            }
        }
    }

    /**
     * Closes calls stuck past any sensible time in one state (Asterisk lost them or an event went missing):
     * not answered {@code ringGrace} after the ring timeout, or on the line longer than {@code maxTalk}.
     */
    public int watchdog(Duration ringGrace, Duration maxTalk) {
        long now = clock.nowMillis();
        int closed = 0;
        for (Call call : List.copyOf(calls.values())) {
            long age = now - call.placedAtMillis;
            boolean stuckRinging = !call.answered && age > call.ringTimeoutMillis + ringGrace.toMillis();
            boolean stuckTalking = call.answered && age > maxTalk.toMillis();
            if (stuckRinging || stuckTalking) {
                if (call.channel != null) {
                    send(call, new HangupAction(call.channel));
                }
                ended(call, stuckRinging ? CallResult.FAILED : CallResult.HUMAN, 0, "closed by the watchdog: no word from Asterisk");
                closed++;
            }
        }
        return closed;
    }

    private static String uniqueIdOf(ManagerEvent event) {
        if (event instanceof NewStateEvent e) {
            return e.getUniqueId();
        }
        if (event instanceof HangupEvent e) {
            return e.getUniqueId();
        }
        if (event instanceof VarSetEvent e) {
            return e.getUniqueId();
        }
        return null;
    }

    private void ended(Call call, CallResult result, int cause, String text) {
        if (calls.remove(call.attempt) == null) {
            return; // already ended (the hangup of a failed originate, say)
        }
        byUniqueId.remove(call.uniqueId);
        synchronized (this) {
            call.server.inUse--;
        }
        emit(new CallEvent.CallEnded(call.attempt, clock.now(), result, cause, text));
    }

    private void emit(CallEvent event) {
        listener.onEvent(event);
    }

    /** One call the dialer placed, as far as Asterisk has told. */
    private static final class Call {
        final AttemptId attempt;
        final Server server;
        final String uniqueId;
        final boolean detect;
        volatile String channel;
        volatile boolean ringing;
        volatile boolean answered;
        volatile AmdStatus amd;
        final long placedAtMillis;
        final long ringTimeoutMillis;

        Call(AttemptId attempt, Server server, String uniqueId, boolean detect, long placedAtMillis, long ringTimeoutMillis) {
            this.attempt = attempt;
            this.server = server;
            this.uniqueId = uniqueId;
            this.detect = detect;
            this.placedAtMillis = placedAtMillis;
            this.ringTimeoutMillis = ringTimeoutMillis;
        }
    }

    /** A configured server and its AMI connection. */
    private final class Server {
        final AsteriskServer config;
        ManagerConnection connection;
        int inUse;
        volatile boolean loggedInOnce;

        Server(AsteriskServer config) {
            this.config = config;
        }

        void connect() {
            connection = new ManagerConnectionFactory(config.host(), config.port(), config.user(), config.secret())
                    .createManagerConnection();
            ManagerEventListener events = event -> onEvent(this, event);
            connection.addEventListener(events);
            try {
                connection.login();
                loggedInOnce = true;
            } catch (Exception e) {
                LOG.warn("Asterisk server {} ({}:{}) is out of rotation: {}", config.name(), config.host(), config.port(), e.getMessage());
            }
        }

        boolean up() {
            return connection != null && connection.getState() == ManagerConnectionState.CONNECTED;
        }

        int free() {
            return config.maxChannels() - inUse;
        }
    }
}
