package org.opendialer.service.softphone;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opendialer.engine.asterisk.AsteriskServer;
import org.opendialer.service.dialing.CampaignRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The browser phone's beans. Browser phones are on when the dialer has an Asterisk server
 * ({@code dialer.asterisk.servers}; the agents' lines are on the first one), a file to write them into that
 * Asterisk includes ({@code dialer.softphone.pjsip-file}) and the WebSocket address browsers reach Asterisk at
 * ({@code dialer.softphone.websocket-url}).
 */
@Configuration(proxyBeanMethods = false)
public class SoftphoneConfiguration {

    /** The browser phones when they are on, else why they are off. */
    public record Phones(Optional<BrowserPhones> phones, String unavailable) {
    }

    @Bean(destroyMethod = "close")
    public PbxHolder pbx(@Value("${dialer.asterisk.servers:}") String servers) {
        List<AsteriskServer> all = AsteriskServer.parseAll(servers);
        return new PbxHolder(all.isEmpty() ? null : new AmiPbx(all.get(0)));
    }

    @Bean
    public Phones browserPhones(PbxHolder pbx, @Value("${dialer.softphone.pjsip-file:}") String file,
                                @Value("${dialer.softphone.websocket-url:}") String websocketUrl) {
        if (pbx.pbx().isEmpty()) {
            return new Phones(Optional.empty(), "no Asterisk server is configured (dialer.asterisk.servers)");
        }
        if (file.isBlank() || websocketUrl.isBlank()) {
            return new Phones(Optional.empty(), "set dialer.softphone.pjsip-file (the pjsip include file Asterisk reads) and "
                    + "dialer.softphone.websocket-url (e.g. ws://127.0.0.1:8088/ws)");
        }
        BrowserPhones.domainOf(websocketUrl);
        return new Phones(Optional.of(new BrowserPhones(Path.of(file), websocketUrl, pbx.pbx().get())), null);
    }

    @Bean
    public CallControls callControls(CampaignRunner runner, PbxHolder pbx, @Value("${dialer.softphone.transfer-numbers:}") String transfers) {
        List<String> numbers = java.util.Arrays.stream(transfers.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
        for (String number : numbers) {
            if (!number.matches("\\+[1-9][0-9]{6,14}")) {
                throw new IllegalArgumentException("dialer.softphone.transfer-numbers: '" + number
                        + "' is not an E.164 number (e.g. +14155550100; several separated by commas)");
            }
        }
        return new CallControls(runner, pbx.pbx().map(p -> (Pbx) p), numbers);
    }

    /** The AMI session for browser phones and supervisors, when there is an Asterisk server; closed with the context. */
    public record PbxHolder(AmiPbx ami) implements AutoCloseable {
        public Optional<Pbx> pbx() {
            return Optional.ofNullable(ami);
        }

        @Override
        public void close() {
            if (ami != null) {
                ami.close();
            }
        }
    }
}
