package org.opendialer.service.softphone;

import java.util.Objects;

/**
 * What a signed-in page needs to register its browser phone: the endpoint (also the SIP user name), the password
 * the dialer made for it, and Asterisk's WebSocket. The dialer calls it as {@code PJSIP/<endpoint>}.
 */
public record BrowserPhone(long userId, String endpoint, String password, String websocketUrl, String sipDomain) {

    public BrowserPhone {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(websocketUrl, "websocketUrl");
        if (!endpoint.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("browser phone endpoint '" + endpoint + "' must be lower-case letters, digits and -");
        }
    }

    /** The endpoint name for {@code userId}: webrtc-7. */
    public static String endpointOf(long userId) {
        return "webrtc-" + userId;
    }

    /** How the dialer dials it. */
    public String dialString() {
        return "PJSIP/" + endpoint;
    }
}
