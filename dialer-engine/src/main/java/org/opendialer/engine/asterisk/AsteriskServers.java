package org.opendialer.engine.asterisk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.opendialer.engine.call.AttemptId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured Asterisk servers and the dialer's AMI connections to them: which are in rotation (logged in and
 * booted), which has room for a call, and sending actions to one by name. A server that disconnects or shuts down
 * leaves the rotation until it is back.
 */
final class AsteriskServers {

    private static final Logger LOG = LoggerFactory.getLogger(AsteriskServers.class);

    private final List<ServerLink> servers = new ArrayList<>();
    private final ChannelLeases leases;

    AsteriskServers(List<AsteriskServer> configured, ChannelLeases leases) {
        this.leases = leases;
        for (AsteriskServer config : configured) {
            servers.add(new ServerLink(config, leases));
        }
    }

    /** Logs in to every server, each server's AMI events going to {@code events}; one that does not answer is left out. */
    void connect(BiConsumer<ServerLink, ManagerEvent> events) {
        for (ServerLink server : servers) {
            server.connect(event -> events.accept(server, event));
        }
    }

    List<String> inRotation() {
        return servers.stream().filter(ServerLink::up).map(s -> s.config.name()).toList();
    }

    List<String> readinessProblems(boolean machineDetection, boolean robot) {
        List<String> problems = new ArrayList<>();
        for (ServerLink server : servers) {
            if (server.up()) {
                problems.addAll(DialplanReadiness.problems(server.config.name(), server.connection, machineDetection, robot));
            }
        }
        return problems;
    }

    /**
     * Follows the connection's own events: out of rotation on Disconnect and Shutdown, back in on FullyBooted; a
     * Connect after the first login is a reconnect, handed to {@code reconnected}.
     *
     * @return true when the event was about the connection, not a call
     */
    boolean connectionEvent(ServerLink server, ManagerEvent event, Consumer<ServerLink> reconnected) {
        if (event instanceof DisconnectEvent) {
            server.booted = false;
            LOG.warn("Asterisk server {} disconnected: out of rotation until it answers again", server.config.name());
            return true;
        }
        if (event instanceof ShutdownEvent) {
            server.booted = false; // it is going down (core restart, stop): no new call into it
            LOG.warn("Asterisk server {} is shutting down: out of rotation until it is back", server.config.name());
            return true;
        }
        if (event instanceof FullyBootedEvent) {
            server.booted = true;
            return true;
        }
        if (event instanceof ConnectEvent && server.loggedInOnce) {
            reconnected.accept(server);
            return true;
        }
        return false;
    }

    /** The server with the most free channels that grants the attempt a lease, or null when none has one. */
    ServerLink pick(AttemptId attempt) {
        List<ServerLink> up = new ArrayList<>();
        Map<ServerLink, Integer> free = new HashMap<>();
        for (ServerLink s : servers) {
            if (s.up()) {
                up.add(s);
                free.put(s, s.free());
            }
        }
        up.sort((a, b) -> Integer.compare(free.get(b), free.get(a)));
        for (ServerLink s : up) {
            if (free.get(s) > 0 && leases.acquire(s.config.name(), s.config.maxChannels(), attempt)) {
                return s;
            }
        }
        return null;
    }

    int freeLines() {
        int free = 0;
        for (ServerLink s : servers) {
            if (s.up()) {
                free += Math.max(0, s.free());
            }
        }
        return free;
    }

    /** The server by its configured name, or null. */
    ServerLink named(String serverName) {
        return servers.stream().filter(s -> s.config.name().equals(serverName)).findFirst().orElse(null);
    }

    /** The first server in rotation, or null. */
    String firstUp() {
        return servers.stream().filter(ServerLink::up).map(s -> s.config.name()).findFirst().orElse(null);
    }

    /** The unique ids of the channels up on the named server now (CoreShowChannels); null when it cannot be asked. */
    Set<String> channelsUp(String serverName) {
        ServerLink server = named(serverName);
        return server == null || !server.up() ? null : server.channelsUp();
    }

    /**
     * Sends an action to the named server; {@code refused} hears the message of an Error response.
     *
     * @return why it could not be sent, or null
     */
    String sendTo(String serverName, ManagerAction action, Consumer<String> refused) {
        ServerLink server = named(serverName);
        if (server == null || server.connection == null) {
            return "server " + serverName + " unknown or not connected";
        }
        try {
            server.connection.sendAction(action, response -> {
                if (refused != null && response != null && "Error".equalsIgnoreCase(response.getResponse())) {
                    refused.accept(response.getMessage());
                }
            });
            return null;
        } catch (IOException | IllegalStateException e) {
            return "server " + serverName + " unreachable: " + e.getMessage();
        }
    }

    void logoffAll() {
        for (ServerLink s : servers) {
            if (s.connection != null && s.connection.getState() == ManagerConnectionState.CONNECTED) {
                s.connection.logoff();
            }
        }
    }
}
