package org.opendialer.service.dialing;

import java.nio.file.Path;
import java.util.List;
import org.opendialer.engine.asterisk.AsteriskServer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings that say where and how campaigns dial, under {@code dialer.}: this instance's name, the Asterisk
 * servers and their sounds directory, and what the simulated PBX's callees are.
 *
 * @param instanceId this instance's name in the database; blank names it host:port
 * @param personas   the directory of the simulated callees a robot campaign talks to on the simulated PBX
 */
@ConfigurationProperties("dialer")
public record DialingProperties(@DefaultValue("") String instanceId, @DefaultValue Asterisk asterisk,
                                @DefaultValue Simulated simulated, @DefaultValue("scripts/personas") Path personas) {

    /**
     * @param servers   {@code dialer.asterisk.servers}: the servers to dial through (see {@link AsteriskServer#parseAll})
     * @param soundsDir where Asterisk reads recorded prompts; blank when prompts need not be written for it
     */
    public record Asterisk(@DefaultValue("") String servers, @DefaultValue("") String soundsDir) {

        public List<AsteriskServer> parsed() {
            return AsteriskServer.parseAll(servers);
        }

        public Path soundsPath() {
            return soundsDir.isBlank() ? null : Path.of(soundsDir);
        }
    }

    /** @param callees the simulated callees' profile a simulated-telephony campaign dials */
    public record Simulated(@DefaultValue("s1-baseline") String callees) {
    }
}
