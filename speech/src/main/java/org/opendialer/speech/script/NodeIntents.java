package org.opendialer.speech.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.opendialer.speech.intent.Intent;

/**
 * A node's own intents ({@code intents:}): answers only this question has, such as a plan's name, each with
 * example answers that both the phrase rules and the embeddings match. A built-in intent's name adds
 * examples to it at this node only.
 */
final class NodeIntents {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final int MAX_NAME = 32;
    static final int MAX_EXAMPLE = 200;

    private NodeIntents() {
    }

    /** The node's intents as written, every problem added to {@code problems} under the node's name. */
    static Map<String, List<String>> read(String node, Object raw, List<ScriptProblem> problems) {
        Map<String, List<String>> intents = new LinkedHashMap<>();
        if (raw == null) {
            return intents;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add(new ScriptProblem(node, "intents must be a mapping of intent name to example answers, e.g. {BASIC: [\"the basic one\"]}"));
            return intents;
        }
        Map<String, String> seen = new HashMap<>();
        map.forEach((k, v) -> {
            String name = String.valueOf(k).toUpperCase(Locale.ROOT);
            if (!NAME.matcher(name).matches() || name.length() > MAX_NAME || name.equals("NO_MATCH")) {
                problems.add(new ScriptProblem(node, "intent name '" + k + "' must be letters, digits and _ (starting with a letter, at most "
                        + MAX_NAME + " characters, not NO_MATCH)"));
            }
            List<String> examples = new ArrayList<>();
            if (v instanceof List<?> list) {
                list.forEach(x -> examples.add(x == null ? "" : String.valueOf(x).strip()));
            } else if (v != null) {
                examples.add(String.valueOf(v).strip());
            }
            if (examples.isEmpty()) {
                problems.add(new ScriptProblem(node, "intent " + name + " has no example answers"));
            }
            for (String example : examples) {
                if (example.isBlank()) {
                    problems.add(new ScriptProblem(node, "intent " + name + " has a blank example"));
                } else if (example.length() > MAX_EXAMPLE) {
                    problems.add(new ScriptProblem(node, "an example of intent " + name + " is longer than " + MAX_EXAMPLE + " characters"));
                }
                String other = seen.putIfAbsent(example.toLowerCase(Locale.ROOT), name);
                if (other != null && !other.equals(name)) {
                    problems.add(new ScriptProblem(node, "example '" + example + "' is given for both " + other + " and " + name));
                }
            }
            intents.put(name, examples);
        });
        return intents;
    }

    /** A node's own intent must lead somewhere, and only a node that asks listens for intents. */
    static void validate(Node n, List<ScriptProblem> problems) {
        if (n.intents().isEmpty()) {
            return;
        }
        if (n.action() != Action.ASK) {
            problems.add(new ScriptProblem(n.id(), "only an ask node has intents of its own (this one is " + n.action().name().toLowerCase(Locale.ROOT) + ")"));
            return;
        }
        for (String name : n.intents().keySet()) {
            if (Intent.named(name) == null && !n.on().containsKey(name)) {
                problems.add(new ScriptProblem(n.id(), "declares intent " + name + " but 'on' does not say where it leads"));
            }
        }
    }
}
