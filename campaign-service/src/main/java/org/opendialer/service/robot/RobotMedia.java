package org.opendialer.service.robot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opendialer.engine.asterisk.AsteriskServer;
import org.opendialer.speech.live.RobotMediaServer;
import org.opendialer.speech.live.TurnTaking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robot's media server as {@code serve} runs it: started whenever robot campaigns may run on Asterisk
 * (Asterisk servers configured), or the reason it is not running, which an agentless campaign on Asterisk is
 * refused with.
 */
public final class RobotMedia implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RobotMedia.class);

    private final RobotMediaServer server;
    private final String problem;

    private RobotMedia(RobotMediaServer server, String problem) {
        this.server = server;
        this.problem = problem;
    }

    /** Not started, for {@code why}. */
    public static RobotMedia off(String why) {
        return new RobotMedia(null, why);
    }

    /**
     * Starts the server.
     *
     * @param bind    the address to listen on; blank: loopback when every Asterisk server is on this host, else all
     * @param allowed hosts that may connect, comma-separated; blank: the Asterisk servers' hosts
     */
    public static RobotMedia start(String bind, int port, String allowed, List<AsteriskServer> servers, SpeechEngines speech) {
        try {
            Set<InetAddress> peers = new LinkedHashSet<>();
            List<String> hosts = allowed == null || allowed.isBlank() ? servers.stream().map(AsteriskServer::host).toList()
                    : Arrays.stream(allowed.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
            for (String host : hosts) {
                peers.addAll(Arrays.asList(InetAddress.getAllByName(host)));
            }
            if (peers.isEmpty()) {
                return off("no Asterisk host is allowed to connect (dialer.robot.media.allowed, or dialer.asterisk.servers)");
            }
            InetAddress address = bind == null || bind.isBlank()
                    ? (peers.stream().allMatch(InetAddress::isLoopbackAddress) ? InetAddress.getLoopbackAddress() : InetAddress.getByName("0.0.0.0"))
                    : InetAddress.getByName(bind.trim());
            RobotMediaServer server = new RobotMediaServer(new InetSocketAddress(address, port), peers, speech::ears, TurnTaking.DEFAULT);
            LOG.info("Robot media server (AudioSocket) listening on {}:{} for Asterisk hosts {}", address.getHostAddress(), server.port(),
                    peers.stream().map(InetAddress::getHostAddress).toList());
            return new RobotMedia(server, null);
        } catch (UnknownHostException e) {
            return off("an address of the robot's media server does not resolve: " + e.getMessage()
                    + " (dialer.robot.media.bind, dialer.robot.media.allowed)");
        } catch (IOException e) {
            return off("it could not listen on port " + port + ": " + e.getMessage() + " (dialer.robot.media.port, dialer.robot.media.bind)");
        }
    }

    public Optional<RobotMediaServer> server() {
        return Optional.ofNullable(server);
    }

    /** Why the server is not running (null when it is). */
    public String problem() {
        return problem;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
