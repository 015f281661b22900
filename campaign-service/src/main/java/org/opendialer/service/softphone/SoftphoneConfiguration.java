package org.opendialer.service.softphone;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opendialer.engine.asterisk.AsteriskServer;
import org.opendialer.service.dialing.CampaignRunner;
import org.opendialer.service.dialing.DialingProperties;
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
    public PbxHolder pbx(DialingProperties dialing) {
        List<AsteriskServer> all = dialing.asterisk().parsed();
        return new PbxHolder(all.isEmpty() ? null : new AmiPbx(all.get(0)));
    }

    @Bean
    public Phones browserPhones(PbxHolder pbx, SoftphoneProperties softphone) {
        String file = softphone.pjsipFile();
        String websocketUrl = softphone.websocketUrl();
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
    public CallControls callControls(CampaignRunner runner, PbxHolder pbx, SoftphoneProperties softphone) {
        return new CallControls(runner, pbx.pbx().map(p -> (Pbx) p), softphone.transfers());
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
