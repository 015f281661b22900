package org.opendialer.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled answers intents are measured on ({@code /bench/intents.tsv}: split, intent, utterance), with
 * a fixed split: thresholds and example lists are tuned on {@code dev}; {@code heldout} is only measured.
 */
public record LabelledUtterances(List<Utterance> all) {

    public static final String RESOURCE = "/bench/intents.tsv";

    /** One answer and the intent it means ({@code NO_MATCH}: none the robot should act on). */
    public record Utterance(String split, String intent, String text) {
    }

    public static LabelledUtterances load() {
        List<Utterance> list = new ArrayList<>();
        try (InputStream in = LabelledUtterances.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int row = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                row++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3 || !(cols[0].equals("dev") || cols[0].equals("heldout"))) {
                    throw new IllegalStateException(RESOURCE + " row " + row + ": want dev|heldout<tab>INTENT<tab>utterance");
                }
                list.add(new Utterance(cols[0], cols[1], cols[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledUtterances(List.copyOf(list));
    }

    public List<Utterance> split(String name) {
        return all.stream().filter(u -> u.split().equals(name)).toList();
    }
}
