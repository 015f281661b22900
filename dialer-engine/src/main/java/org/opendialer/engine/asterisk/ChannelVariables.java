package org.opendialer.engine.asterisk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Channel variables as Originate carries them. Asterisk splits each {@code Variable:} header at commas and
 * treats quotes, brackets and backslashes as syntax, so a lead called "Smith, John" would arrive as "Smith";
 * every such character is escaped with a backslash, which Asterisk removes again. Line breaks would end the
 * AMI header (and could smuggle in another), so they become spaces.
 */
final class ChannelVariables {

    private ChannelVariables() {
    }

    static Map<String, String> escaped(Map<String, String> variables) {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((name, value) -> out.put(name, escape(value)));
        return out;
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\r', '\n' -> out.append(' ');
                case '\\', ',', '"', '\'', '(', ')', '[', ']' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
