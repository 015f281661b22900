package org.opendialer.engine.asterisk;

import java.util.HashSet;
import java.util.Set;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A configured Asterisk server and the dialer's AMI connection to it (Asterisk-Java reconnects it by itself). */
final class ServerLink {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLink.class);

    final AsteriskServer config;
    private final ChannelLeases leases;
    volatile ManagerConnection connection;
    volatile boolean loggedInOnce;
    /**
     * Asterisk has loaded everything (FullyBooted): after a restart its AMI answers while channel drivers and
     * ConfBridge are still loading, and a call or an agent's phone sent then would fail.
     */
    volatile boolean booted;

    ServerLink(AsteriskServer config, ChannelLeases leases) {
        this.config = config;
        this.leases = leases;
    }

    /** Logs in; a server that does not answer is logged and left out of rotation until Asterisk-Java gets in. */
    void connect(ManagerEventListener events) {
        connection = new ManagerConnectionFactory(config.host(), config.port(), config.user(), config.secret())
                .createManagerConnection();
        connection.addEventListener(events);
        try {
            connection.login();
            loggedInOnce = true;
            booted = true;
        } catch (Exception e) {
            LOG.warn("Asterisk server {} ({}:{}) is out of rotation: {}", config.name(), config.host(), config.port(), e.getMessage());
        }
    }

    boolean up() {
        return booted && connection != null && connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /** Waits (after a reconnect) until Asterisk says it has booted; past {@code most}, takes it as booted. */
    void awaitBooted(java.time.Duration most) {
        long until = System.nanoTime() + most.toNanos();
        while (!booted && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!booted) {
            LOG.warn("Asterisk server {} sent no FullyBooted within {}: taking calls again anyway", config.name(), most);
            booted = true;
        }
    }

    /** Channels left on this server for every campaign sharing it. */
    int free() {
        return config.maxChannels() - leases.inUse(config.name());
    }

    /**
     * The channels up now, asked up to {@code tries} times two seconds apart (a server just back may not answer the
     * listing yet); null when it never answered.
     */
    Set<String> channelsUpAsking(int tries) {
        Set<String> alive = null;
        for (int n = 0; alive == null && n < tries; n++) {
            if (n > 0) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            alive = channelsUp();
        }
        return alive;
    }

    /** The unique ids of the channels up on the server now (CoreShowChannels); null when it cannot be asked. */
    Set<String> channelsUp() {
        Set<String> alive = new HashSet<>();
        try {
            ResponseEvents listed = connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 10_000);
            for (ManagerEvent e : listed.getEvents()) {
                if (e instanceof CoreShowChannelEvent channel && channel.getUniqueid() != null) {
                    alive.add(channel.getUniqueid());
                }
            }
            return alive;
        } catch (Exception e) {
            LOG.warn("Could not list the channels of {}: {}", config.name(), e.getMessage());
            return null;
        }
    }
}
