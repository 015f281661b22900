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

    /**
     * Servers as configured in one line: {@code name=user:secret@host:port/maxChannels/dialString}, several
     * separated by {@code ;}, e.g. {@code pbx1=dialer:s3cret@10.0.0.5:5038/120/PJSIP/{number}@trunk1}.
     */
    public static java.util.List<AsteriskServer> parseAll(String text) {
        java.util.List<AsteriskServer> servers = new java.util.ArrayList<>();
        if (text == null || text.isBlank()) {
            return servers;
        }
        java.util.regex.Pattern form = java.util.regex.Pattern.compile("([^=]+)=([^:]+):([^@]*)@([^:/]+):(\\d+)/(\\d+)/(.+)");
        for (String part : text.split(";")) {
            java.util.regex.Matcher m = form.matcher(part.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("Asterisk server '" + part.trim()
                        + "' must look like name=user:secret@host:port/maxChannels/dialString, e.g. pbx1=dialer:s3cret@10.0.0.5:5038/120/PJSIP/{number}@trunk1");
            }
            servers.add(new AsteriskServer(m.group(1).trim(), m.group(4), Integer.parseInt(m.group(5)), m.group(2), m.group(3),
                    m.group(7).trim(), Integer.parseInt(m.group(6))));
        }
        return servers;
    }

    String channelFor(String digits) {
        return dialString.replace("{number}", digits);
    }
}
