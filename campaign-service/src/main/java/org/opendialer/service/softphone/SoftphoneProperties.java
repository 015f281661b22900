package org.opendialer.service.softphone;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser phones' settings ({@code dialer.softphone.*}).
 *
 * @param pjsipFile       the pjsip include file Asterisk reads the browser phones from
 * @param websocketUrl    where browsers reach Asterisk's WebSocket, e.g. {@code ws://127.0.0.1:8088/ws}
 * @param transferNumbers the numbers (E.164, separated by commas) agents may hand a call on to
 */
@ConfigurationProperties("dialer.softphone")
public record SoftphoneProperties(@DefaultValue("") String pjsipFile, @DefaultValue("") String websocketUrl,
                                  @DefaultValue("") String transferNumbers) {

    public SoftphoneProperties {
        for (String number : numbers(transferNumbers)) {
            if (!number.matches("\\+[1-9][0-9]{6,14}")) {
                throw new IllegalArgumentException("dialer.softphone.transfer-numbers: '" + number
                        + "' is not an E.164 number (e.g. +14155550100; several separated by commas)");
            }
        }
    }

    public List<String> transfers() {
        return numbers(transferNumbers);
    }

    private static List<String> numbers(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
    }
}
