package org.opendialer.speech.asr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Vosk speaks JSON both ways: its results ({@code {"text": ..., "result": [{"word": ..., "conf": ...}]}}, or
 * {@code {"alternatives": [{"text": ...}, ...]}} for an n-best list, or {@code {"partial": ...}}) and the
 * grammar a recogniser is limited to (a list of phrases).
 */
final class VoskJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Free recognition's n-best score is the model's own, not a probability: these stand in for it. */
    private static final double ONE_READING = 0.7;
    private static final double SEVERAL_READINGS = 0.5;

    private VoskJson() {
    }

    /**
     * The reading in a final result: the best text and the next-best ones (n-best lists come from free
     * recognition), after {@code before} (what earlier segments of the same answer said). Without an n-best
     * list the confidence is the words' mean.
     */
    static Recognition reading(String before, String json, long millis) {
        JsonNode result = parse(json);
        JsonNode alternatives = result.path("alternatives");
        List<String> readings = new ArrayList<>();
        List<JsonNode> texts = alternatives.isArray() ? list(alternatives) : List.of(result);
        for (JsonNode reading : texts) {
            if (reading.hasNonNull("text")) {
                readings.add((before + " " + reading.get("text").asText()).trim());
            }
        }
        String heard = readings.isEmpty() ? before.trim() : readings.get(0);
        if (alternatives.isArray()) {
            return new Recognition(heard, readings.size() > 1 ? SEVERAL_READINGS : ONE_READING, millis,
                    readings.subList(Math.min(1, readings.size()), readings.size()));
        }
        double sum = 0;
        int words = 0;
        for (JsonNode word : result.path("result")) {
            if (word.has("conf")) {
                sum += word.get("conf").asDouble();
                words++;
            }
        }
        return new Recognition(heard, words == 0 ? 0 : sum / words, millis);
    }

    /** What a partial result has heard so far ("" before the first word). */
    static String partial(String json) {
        return parse(json).path("partial").asText("");
    }

    /** The grammar that limits recognition to the phrases, plus Vosk's "[unk]" for anything else. */
    static String grammar(List<String> phrases) {
        List<String> grammar = new ArrayList<>();
        for (String phrase : phrases) {
            grammar.add(phrase.toLowerCase().replace("\"", ""));
        }
        grammar.add("[unk]");
        try {
            return JSON.writeValueAsString(grammar);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the grammar " + phrases, e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Vosk returned a result that is not JSON: " + json, e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
