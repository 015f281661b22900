package org.opendialer.engine.asterisk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ConfbridgeJoinEvent;
import org.asteriskjava.manager.event.ConfbridgeLeaveEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.AgentLineEvent;

/**
 * Agents' own lines: each logged-in agent's phone is originated once into the dialplan context {@value #LINE}
 * (Exten = the agent's id, unique id {@code dialer-agent-<agent>-<n>}), which puts it in the agent's conference
 * {@code dialer-agent-<agent>} for the whole session. The line is connected when Asterisk reports the phone's
 * ConfbridgeJoin; an originate that fails or a Hangup of the phone's channel drops it. Called on the AMI event
 * threads and the engine's clock thread, hence the concurrent maps and volatile fields.
 */
final class AgentLines {

    static final String LINE = "dialer-agent-line";
    /** How long an agent's phone rings when the agent logs in, unless told otherwise. */
    static final Duration RING = Duration.ofSeconds(30);

    private final AsteriskTelephony telephony;
    private final Duration ring;
    private final Map<Long, Line> byAgent = new ConcurrentHashMap<>();
    private final Map<String, Line> byUniqueId = new ConcurrentHashMap<>();

    AgentLines(AsteriskTelephony telephony, Duration ring) {
        this.telephony = telephony;
        this.ring = ring;
    }

    /** One agent's phone on one server. */
    static final class Line {
        final long agentId;
        final String endpoint;
        final String server;
        final String uniqueId;
        volatile String channel;
        volatile boolean inBridge;
        /** The phone reached the bridge once (a later Hangup is the agent hanging up, not a phone that never answered). */
        volatile boolean reached;

        Line(long agentId, String endpoint, String server, String uniqueId) {
            this.agentId = agentId;
            this.endpoint = endpoint;
            this.server = server;
            this.uniqueId = uniqueId;
        }

        String target() {
            return channel != null ? channel : uniqueId;
        }
    }

    void connect(AgentEndpoint agent) {
        long id = agent.agentId();
        String server = telephony.serverForAgents();
        String uniqueId = "dialer-agent-" + id + "-" + telephony.nowMillis();
        Line line = new Line(id, agent.endpoint(), server, uniqueId);
        Line old = byAgent.put(id, line);
        if (old != null) {
            forget(old);
            telephony.sendTo(old.server, new HangupAction(old.target(), AsteriskTelephony.NORMAL_CLEARING), null);
        }
        if (server == null) {
            dropped(line, "no Asterisk server answers");
            return;
        }
        byUniqueId.put(uniqueId, line);
        OriginateAction originate = new OriginateAction();
        originate.setChannel(agent.endpoint());
        originate.setContext(LINE);
        originate.setExten(Long.toString(id));
        originate.setPriority(1);
        originate.setAsync(true);
        originate.setTimeout(ring.toMillis());
        originate.setChannelId(uniqueId);
        originate.setActionId("agent-" + uniqueId);
        originate.setCallerId("Dialer <" + id + ">");
        originate.setVariables(Map.of("AGENT_ID", Long.toString(id)));
        String error = telephony.sendTo(server, originate, response -> dropped(line, "originate refused: " + response));
        if (error != null) {
            dropped(line, error);
        }
    }

    void disconnect(long agentId) {
        Line line = byAgent.remove(agentId);
        if (line != null) {
            forget(line);
            telephony.sendTo(line.server, new HangupAction(line.target(), AsteriskTelephony.NORMAL_CLEARING), null);
        }
    }

    /** Why a call on {@code server} cannot be put through to the agent now, or null when it can. */
    String unreachable(long agentId, String server) {
        Line line = byAgent.get(agentId);
        if (line == null || !line.inBridge) {
            return "agent's phone is not on its line";
        }
        if (!line.server.equals(server)) {
            return "agent's phone is on " + line.server + ", the call on " + server;
        }
        return null;
    }

    boolean owns(String uniqueId) {
        return uniqueId != null && byUniqueId.containsKey(uniqueId);
    }

    /** The originate of an agent's phone answered: only a failure matters (the ConfbridgeJoin says it is there). */
    boolean originateResponse(OriginateResponseEvent response) {
        Line line = response.getUniqueId() == null ? null : byUniqueId.get(response.getUniqueId());
        if (line == null && response.getActionId() != null && response.getActionId().startsWith("agent-")) {
            line = byUniqueId.get(response.getActionId().substring("agent-".length()));
        }
        if (line == null) {
            return false;
        }
        if (!"Success".equalsIgnoreCase(response.getResponse())) {
            dropped(line, "phone " + line.endpoint + " did not answer (originate reason " + response.getReason() + ")");
        }
        return true;
    }

    void onEvent(String uniqueId, ManagerEvent event) {
        Line line = byUniqueId.get(uniqueId);
        if (line == null) {
            return;
        }
        if (event instanceof NewChannelEvent created) {
            line.channel = created.getChannel();
        } else if (event instanceof NewStateEvent state) {
            line.channel = state.getChannel();
        } else if (event instanceof ConfbridgeJoinEvent && !line.inBridge) {
            line.inBridge = true;
            line.reached = true;
            telephony.emitAgentLine(new AgentLineEvent.AgentConnected(line.agentId, telephony.now()));
        } else if (event instanceof ConfbridgeLeaveEvent) {
            line.inBridge = false;
        } else if (event instanceof HangupEvent hangup) {
            String cause = "cause " + hangup.getCause() + (hangup.getCauseTxt() == null ? "" : " " + hangup.getCauseTxt());
            dropped(line, line.reached
                    ? "phone " + line.endpoint + " hung up (" + cause + ")"
                    : "phone " + line.endpoint + " did not answer (" + cause + ")");
        }
    }

    /** After a reconnect: the lines of {@code server} whose channel is gone have dropped. */
    void reconcile(String server, Set<String> alive) {
        for (Line line : List.copyOf(byAgent.values())) {
            if (line.server != null && line.server.equals(server) && !alive.contains(line.uniqueId)) {
                dropped(line, "channel gone after the AMI connection was lost");
            }
        }
    }

    /** Hangs up every agent's line (the campaign's telephony closes). */
    void disconnectAll() {
        for (Long agentId : List.copyOf(byAgent.keySet())) {
            disconnect(agentId);
        }
    }

    private void dropped(Line line, String reason) {
        if (byAgent.remove(line.agentId, line)) {
            forget(line);
            telephony.emitAgentLine(new AgentLineEvent.AgentPhoneDropped(line.agentId, telephony.now(), reason));
        }
    }

    private void forget(Line line) {
        byUniqueId.remove(line.uniqueId);
    }
}
