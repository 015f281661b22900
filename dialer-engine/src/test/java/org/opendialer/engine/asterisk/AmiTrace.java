package org.opendialer.engine.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AMI events a real Asterisk sent about one call, as {@link AmiTraceRecorder} saved them
 * ({@code src/test/resources/asterisk/traces/}): blocks of {@code Key: value} lines, each after a line
 * {@code @HH:mm:ss.SSS} giving its time of receipt.
 */
record AmiTrace(String uniqueId, List<Event> events) {

    private static final Pattern DIALER_ID = Pattern.compile("dialer-\\d+");

    /** One event: milliseconds after the trace's first, and its fields in wire order. */
    record Event(long offsetMillis, Map<String, String> fields) {

        /** The event as Asterisk would send it for another call: unique id and originate ActionID replaced. */
        String wireText(String recordedId, String uniqueId, String actionId) {
            StringBuilder text = new StringBuilder();
            fields.forEach((k, v) -> {
                String value = v.equals(recordedId) ? uniqueId : v;
                if (k.equals("ActionID") && "OriginateResponse".equals(fields.get("Event"))) {
                    value = actionId;
                }
                text.append(k).append(": ").append(value).append("\r\n");
            });
            if (!fields.containsKey("ActionID") && "OriginateResponse".equals(fields.get("Event"))) {
                text.append("ActionID: ").append(actionId).append("\r\n");
            }
            return text.append("\r\n").toString();
        }
    }

    static AmiTrace load(String name) {
        try (InputStream in = AmiTrace.class.getResourceAsStream("/asterisk/traces/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded trace asterisk/traces/" + name + ".txt");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AmiTrace parse(String text, String name) {
        List<Event> events = new ArrayList<>();
        long first = -1;
        long at = 0;
        Map<String, String> block = new LinkedHashMap<>();
        String uniqueId = null;
        int lineNo = 0;
        for (String line : (text + "\n\n").split("\n", -1)) {
            lineNo++;
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                long millis = LocalTime.parse(line.substring(1).trim()).toNanoOfDay() / 1_000_000;
                first = first < 0 ? millis : first;
                at = millis - first;
            } else if (line.isBlank()) {
                if (!block.isEmpty()) {
                    events.add(new Event(at, block));
                    block = new LinkedHashMap<>();
                }
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("trace " + name + " line " + lineNo + ": not 'Key: value': " + line);
                }
                String value = line.substring(colon + 1).trim();
                block.put(line.substring(0, colon).trim(), value);
                Matcher id = DIALER_ID.matcher(value);
                if (uniqueId == null && line.startsWith("Uniqueid:") && id.matches()) {
                    uniqueId = value;
                }
            }
        }
        if (uniqueId == null) {
            throw new IllegalArgumentException("trace " + name + " names no dialer call (Uniqueid: dialer-N)");
        }
        return new AmiTrace(uniqueId, events);
    }
}
