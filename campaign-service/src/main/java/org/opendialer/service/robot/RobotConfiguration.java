package org.opendialer.service.robot;

import java.nio.file.Path;
import org.opendialer.engine.asterisk.AsteriskServer;
import org.opendialer.engine.clock.DialerClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The robot's speech engines, its talk tracks, and its media server for calls on Asterisk. */
@Configuration(proxyBeanMethods = false)
public class RobotConfiguration {

    @Bean(destroyMethod = "close")
    public SpeechEngines speechEngines(@Value("${dialer.prompts:data/prompts}") String prompts) {
        return new SpeechEngines(Path.of(prompts));
    }

    @Bean
    public ScriptStore scriptStore(JdbcTemplate jdbc, DialerClock clock) {
        return new ScriptStore(jdbc, clock);
    }

    /**
     * The robot's media server (AudioSocket): {@code serve} starts it whenever robot campaigns may run on Asterisk,
     * that is when {@code dialer.asterisk.servers} is set (and {@code dialer.robot.media.enabled} is not false).
     */
    @Bean(destroyMethod = "close")
    public RobotMedia robotMedia(SpeechEngines speech,
                                 @Value("${dialer.dialing.enabled:true}") boolean dialing,
                                 @Value("${dialer.asterisk.servers:}") String asteriskServers,
                                 @Value("${dialer.robot.media.enabled:true}") boolean enabled,
                                 @Value("${dialer.robot.media.bind:}") String bind,
                                 @Value("${dialer.robot.media.port:4574}") int port,
                                 @Value("${dialer.robot.media.allowed:}") String allowed) {
        var servers = AsteriskServer.parseAll(asteriskServers);
        if (!dialing || servers.isEmpty()) {
            return RobotMedia.off("it runs in serve with Asterisk servers configured (dialer.asterisk.servers)");
        }
        if (!enabled) {
            return RobotMedia.off("it is switched off (dialer.robot.media.enabled=false)");
        }
        return RobotMedia.start(bind, port, allowed, servers, speech);
    }
}
