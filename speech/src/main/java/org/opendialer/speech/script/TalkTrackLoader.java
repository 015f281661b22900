package org.opendialer.speech.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendialer.speech.intent.Intent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Reads and validates talk tracks (YAML; see {@code scripts/README.md}). Every problem is collected with its
 * node: an unknown key, a missing prompt, an unknown intent or target node, a node no path reaches, and a
 * loop with no way out to an end.
 */
public final class TalkTrackLoader {

    private static final Set<String> TOP = Set.of("name", "start", "nodes", "examples", "description");
    private static final Set<String> NODE_KEYS = Set.of("say", "action", "on", "points", "listen", "phrases", "noInput", "noMatch",
            "next", "disposition", "briefing", "intents");

    /** Longest prompt (say, re-prompts, briefing) in characters: about a minute of speech. */
    public static final int MAX_PROMPT = 1000;
    private static final int MAX_NAME = 128;
    private static final int MAX_NODE_ID = 64;

    private TalkTrackLoader() {
    }

    public static TalkTrack load(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses and validates; throws {@link InvalidScriptException} listing every problem. */
    public static TalkTrack parse(String fileName, String yaml) {
        List<ScriptProblem> problems = new ArrayList<>();
        TalkTrack track = read(yaml, problems);
        if (track != null) {
            validate(track, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidScriptException(fileName, problems);
        }
        return track;
    }

    /** Every problem of the script, empty when it is sound. */
    public static List<ScriptProblem> problems(String yaml) {
        try {
            parse("script", yaml);
            return List.of();
        } catch (InvalidScriptException e) {
            return e.problems();
        }
    }

    @SuppressWarnings("unchecked")
    private static TalkTrack read(String yaml, List<ScriptProblem> problems) {
        Object root;
        try {
            root = Yaml12.load(yaml);
        } catch (MarkedYamlEngineException e) {
            String line = e.getProblemMark().map(m -> " (line " + (m.getLine() + 1) + ")").orElse("");
            problems.add(new ScriptProblem("script", "not valid YAML: " + e.getProblem() + line));
            return null;
        } catch (RuntimeException e) {
            problems.add(new ScriptProblem("script", "not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
            return null;
        }
        if (!(root instanceof Map<?, ?> top)) {
            problems.add(new ScriptProblem("script", "must be a mapping with name, start and nodes"));
            return null;
        }
        for (Object key : top.keySet()) {
            if (!TOP.contains(String.valueOf(key))) {
                problems.add(new ScriptProblem("script", "unknown key '" + key + "' (allowed: " + TOP + ")"));
            }
        }
        String name = string(top.get("name"));
        String start = string(top.get("start"));
        if (name == null) {
            problems.add(new ScriptProblem("script", "missing name"));
        }
        if (start == null) {
            problems.add(new ScriptProblem("script", "missing start (the first node)"));
        }
        Map<String, List<String>> examples = new LinkedHashMap<>();
        if (top.get("examples") instanceof Map<?, ?> ex) {
            ex.forEach((k, v) -> {
                String intent = String.valueOf(k).toUpperCase();
                if (!isIntent(intent)) {
                    problems.add(new ScriptProblem("examples", "unknown intent '" + k + "'"));
                }
                List<String> list = new ArrayList<>();
                if (v instanceof List<?> l) {
                    l.forEach(x -> list.add(String.valueOf(x)));
                }
                examples.put(intent, list);
            });
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        if (!(top.get("nodes") instanceof Map<?, ?> rawNodes) || rawNodes.isEmpty()) {
            problems.add(new ScriptProblem("script", "missing nodes"));
            return new TalkTrack(name, start, nodes, examples);
        }
        for (Map.Entry<?, ?> entry : rawNodes.entrySet()) {
            String id = String.valueOf(entry.getKey());
            if (!(entry.getValue() instanceof Map<?, ?> n)) {
                problems.add(new ScriptProblem(id, "must be a mapping (say, action, on, ...)"));
                continue;
            }
            for (Object key : n.keySet()) {
                if (!NODE_KEYS.contains(String.valueOf(key))) {
                    problems.add(new ScriptProblem(id, "unknown key '" + key + "' (allowed: " + NODE_KEYS + ")"));
                }
            }
            Action action = Action.ASK;
            if (n.get("action") != null) {
                try {
                    action = Action.valueOf(String.valueOf(n.get("action")).toUpperCase());
                } catch (IllegalArgumentException e) {
                    problems.add(new ScriptProblem(id, "unknown action '" + n.get("action") + "' (ask, transfer, callback, dnc, end)"));
                }
            }
            Map<String, String> on = new LinkedHashMap<>();
            if (n.get("on") instanceof Map<?, ?> o) {
                o.forEach((k, v) -> on.put(String.valueOf(k).toUpperCase(), String.valueOf(v)));
            }
            Map<String, Integer> points = new LinkedHashMap<>();
            if (n.get("points") instanceof Map<?, ?> p) {
                p.forEach((k, v) -> {
                    try {
                        points.put(String.valueOf(k).toUpperCase(), Integer.parseInt(String.valueOf(v)));
                    } catch (NumberFormatException e) {
                        problems.add(new ScriptProblem(id, "points for " + k + " must be a whole number, not '" + v + "'"));
                    }
                });
            }
            Map<String, Object> noInput = n.get("noInput") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Map<String, Object> noMatch = n.get("noMatch") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            List<String> phrases = new ArrayList<>();
            if (n.get("phrases") instanceof List<?> l) {
                l.forEach(x -> phrases.add(String.valueOf(x)));
            }
            double listen = number(n.get("listen"), 6, 0.5, 60, id, "listen (seconds)", problems);
            int retries = (int) number(noInput.get("retries"), 1, 0, 10, id, "noInput retries", problems);
            nodes.put(id, new Node(id, string(n.get("say")), action, on, points, listen, phrases, string(noInput.get("say")),
                    string(noInput.get("next")), string(noMatch.get("say")), string(noMatch.get("next")), retries,
                    string(n.get("next")), string(n.get("disposition")), string(n.get("briefing")),
                    NodeIntents.read(id, n.get("intents"), problems)));
        }
        return new TalkTrack(name, start, nodes, examples);
    }

    private static void validate(TalkTrack t, List<ScriptProblem> problems) {
        checkSizes(t, problems);
        if (t.start() != null && !t.nodes().containsKey(t.start())) {
            problems.add(new ScriptProblem("script", "start names unknown node '" + t.start() + "'"));
        }
        Map<String, List<String>> edges = new HashMap<>();
        for (Node n : t.nodes().values()) {
            List<String> targets = new ArrayList<>();
            if (n.say() == null || n.say().isBlank()) {
                problems.add(new ScriptProblem(n.id(), "missing prompt (say)"));
            }
            for (Map.Entry<String, String> e : n.on().entrySet()) {
                if (!isIntent(e.getKey()) && !n.intents().containsKey(e.getKey())) {
                    problems.add(new ScriptProblem(n.id(), "unknown intent '" + e.getKey() + "'"));
                }
                targets.add(e.getValue());
            }
            for (String p : n.points().keySet()) {
                if (!isIntent(p) && !n.intents().containsKey(p)) {
                    problems.add(new ScriptProblem(n.id(), "points for unknown intent '" + p + "'"));
                }
            }
            NodeIntents.validate(n, problems);
            if (n.action() == Action.ASK && n.on().isEmpty()) {
                problems.add(new ScriptProblem(n.id(), "asks but has no 'on' (which intent leads where)"));
            }
            if (n.action() == Action.CALLBACK && n.next() == null) {
                problems.add(new ScriptProblem(n.id(), "a callback node needs 'next' (where to go once the time is booked)"));
            }
            for (String target : new String[] {n.next(), n.noInputNext(), n.noMatchNext()}) {
                if (target != null) {
                    targets.add(target);
                }
            }
            for (String target : targets) {
                if (!t.nodes().containsKey(target)) {
                    problems.add(new ScriptProblem(n.id(), "goes to unknown node '" + target + "'"));
                }
            }
            edges.put(n.id(), targets);
        }
        if (t.start() == null || !t.nodes().containsKey(t.start())) {
            return;
        }
        Set<String> reached = reachable(t.start(), edges);
        for (String id : t.nodes().keySet()) {
            if (!reached.contains(id)) {
                problems.add(new ScriptProblem(id, "unreachable: no path from '" + t.start() + "' leads here"));
            }
        }
        // every reachable node must be able to reach an ending node, or callees could be kept in a loop
        for (String id : reached) {
            boolean exits = reachable(id, edges).stream().map(t::node).anyMatch(n -> n != null && n.action().ends());
            if (!exits) {
                problems.add(new ScriptProblem(id, "loop with no exit: no path from here reaches an end, transfer or dnc node"));
            }
        }
    }

    /** Lengths the store and the call keep: a prompt is spoken, not a document. */
    private static void checkSizes(TalkTrack t, List<ScriptProblem> problems) {
        if (t.name() != null && t.name().length() > MAX_NAME) {
            problems.add(new ScriptProblem("script", "name is longer than " + MAX_NAME + " characters"));
        }
        for (Node n : t.nodes().values()) {
            if (n.id().length() > MAX_NODE_ID) {
                problems.add(new ScriptProblem(n.id().substring(0, MAX_NODE_ID) + "...", "node name is longer than " + MAX_NODE_ID + " characters"));
            }
            String[][] texts = {{"say", n.say()}, {"noInput say", n.noInputSay()}, {"noMatch say", n.noMatchSay()}, {"briefing", n.briefing()}};
            for (String[] text : texts) {
                if (text[1] != null && text[1].length() > MAX_PROMPT) {
                    problems.add(new ScriptProblem(n.id(), text[0] + " is longer than " + MAX_PROMPT + " characters"));
                }
            }
            if (n.disposition() != null && n.disposition().length() > 32) {
                problems.add(new ScriptProblem(n.id(), "disposition is longer than 32 characters"));
            }
        }
    }

    private static double number(Object value, double fallback, double min, double max, String node, String what,
                                 List<ScriptProblem> problems) {
        if (value == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(String.valueOf(value));
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ScriptProblem(node, what + " must be a number from " + formatted(min) + " to " + formatted(max)));
        return fallback;
    }

    private static String formatted(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static Set<String> reachable(String from, Map<String, List<String>> edges) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(edges.getOrDefault(id, List.of()));
            }
        }
        return seen;
    }

    private static boolean isIntent(String name) {
        try {
            Intent.valueOf(name);
            return true;
        } catch (IllegalArgumentException e) {
            return "NO_MATCH".equals(name) || "NO_INPUT".equals(name);
        }
    }

    private static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
