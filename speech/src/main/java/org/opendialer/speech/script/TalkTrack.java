package org.opendialer.speech.script;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A talk track: its nodes by id, the first one, and example utterances per intent that sharpen tagging. */
public record TalkTrack(String name, String start, Map<String, Node> nodes, Map<String, List<String>> examples) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public Node node(String id) {
        return nodes.get(id);
    }

    /** {@code text} with {@code {field}} replaced by the lead's value (an unknown field becomes empty). */
    public static String fill(String text, Map<String, String> lead) {
        if (text == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = lead.getOrDefault(m.group(1), lead.getOrDefault(m.group(1).toLowerCase(), ""));
            m.appendReplacement(b, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(b);
        return b.toString().replaceAll("\\s+([,.!?])", "$1").replaceAll("\\s{2,}", " ").trim();
    }
}
