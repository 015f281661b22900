package org.opendialer.engine.asterisk;

import java.util.Objects;

/**
 * One Asterisk server the dialer originates through.
 *
 * @param dialString how a number is dialled, e.g. {@code PJSIP/{number}@trunk1}; {@code {number}} becomes the
 *                   E.164 digits without the plus
 * @param maxChannels the most calls the dialer keeps on this server at once
 */
public record AsteriskServer(String name, String host, int port, String user, String secret, String dialString,
                             int maxChannels) {

    public AsteriskServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        if (dialString == null || !dialString.contains("{number}")) {
            throw new IllegalArgumentException("server " + name + ": the dial string must contain {number}, e.g. PJSIP/{number}@trunk1");
        }
        if (maxChannels < 1) {
            throw new IllegalArgumentException("server " + name + ": max channels must be at least 1");
        }
    }

    String channelFor(String digits) {
        return dialString.replace("{number}", digits);
    }
}
