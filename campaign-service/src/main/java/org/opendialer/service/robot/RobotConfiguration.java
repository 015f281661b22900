package org.opendialer.service.robot;

import org.opendialer.engine.asterisk.AsteriskServer;
import org.opendialer.engine.clock.DialerClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The robot's speech engines, its talk tracks, and its media server for calls on Asterisk. */
@Configuration(proxyBeanMethods = false)
public class RobotConfiguration {

    @Bean(destroyMethod = "close")
    public SpeechEngines speechEngines(RobotProperties settings) {
        return new SpeechEngines(settings.prompts());
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
    public RobotMedia robotMedia(SpeechEngines speech, RobotProperties settings) {
        var servers = AsteriskServer.parseAll(settings.asterisk().servers());
        RobotProperties.Media media = settings.robot().media();
        if (!settings.dialing().enabled() || servers.isEmpty()) {
            return RobotMedia.off("it runs in serve with Asterisk servers configured (dialer.asterisk.servers)");
        }
        if (!media.enabled()) {
            return RobotMedia.off("it is switched off (dialer.robot.media.enabled=false)");
        }
        return RobotMedia.start(media.bind(), media.port(), media.allowed(), servers, speech);
    }
}
