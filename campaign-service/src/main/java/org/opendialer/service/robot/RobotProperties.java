package org.opendialer.service.robot;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The robot's settings under {@code dialer.}: where its rendered prompts are kept, and its media server
 * ({@code dialer.robot.media.*}), which runs only where dialling runs and Asterisk servers are set.
 */
@ConfigurationProperties("dialer")
public record RobotProperties(@DefaultValue("data/prompts") Path prompts, @DefaultValue Robot robot,
                              @DefaultValue Dialing dialing, @DefaultValue Asterisk asterisk) {

    public record Robot(@DefaultValue Media media) {
    }

    /**
     * @param bind    the address the AudioSocket server listens on; blank for every address
     * @param allowed the addresses allowed to connect besides the Asterisk servers'
     */
    public record Media(@DefaultValue("true") boolean enabled, @DefaultValue("") String bind, @DefaultValue("4574") int port,
                        @DefaultValue("") String allowed) {
    }

    /** @param enabled false in the command line's one-shot commands, which dial nothing */
    public record Dialing(@DefaultValue("true") boolean enabled) {
    }

    public record Asterisk(@DefaultValue("") String servers) {
    }
}
