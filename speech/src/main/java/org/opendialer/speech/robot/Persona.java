package org.opendialer.speech.robot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opendialer.speech.script.Yaml12;

/**
 * A simulated callee: what it answers at each node of a talk track ({@code default} elsewhere); an answer
 * of {@code (silence)} says nothing and {@code (hangup)} hangs up.
 */
public record Persona(String name, Map<String, String> answers, String fallback) {

    public String answer(String node) {
        return answers.getOrDefault(node, fallback);
    }

    public static Persona load(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Persona parse(String fileName, String yaml) {
        Object root = Yaml12.load(yaml);
        if (!(root instanceof Map<?, ?> map) || !(map.get("answers") instanceof Map<?, ?> answers)) {
            throw new IllegalArgumentException(fileName + ": a persona needs 'answers' (node: what the callee says)");
        }
        Map<String, String> byNode = new LinkedHashMap<>();
        answers.forEach((k, v) -> byNode.put(String.valueOf(k), String.valueOf(v)));
        Object name = map.get("name");
        Object fallback = map.get("default");
        return new Persona(name == null ? fileName : String.valueOf(name), byNode, fallback == null ? "(silence)" : String.valueOf(fallback));
    }
}
