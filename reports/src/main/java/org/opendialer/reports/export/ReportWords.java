package org.opendialer.reports.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an HTML report words its titles, headings, column names, codes and reasons in the reader's language. The
 * catalogue {@code reports/words_<language>.txt} holds {@code english = wording} for whole texts and
 * {@code ~pattern = wording} ({@code $1} takes the first group) for texts with figures in them. English has no
 * catalogue: the report's own words are English. CSV and XLSX keep their column names, which scripts read.
 */
public final class ReportWords {

    public static final ReportWords ENGLISH = new ReportWords(Map.of(), List.of());
    private static final Map<String, ReportWords> BY_LANGUAGE = new ConcurrentHashMap<>();
    private static final Pattern PARTS = Pattern.compile("(, |; )");

    private final Map<String, String> exact;
    private final List<Map.Entry<Pattern, String>> patterns;

    private ReportWords(Map<String, String> exact, List<Map.Entry<Pattern, String>> patterns) {
        this.exact = exact;
        this.patterns = patterns;
    }

    /** The wording for {@code language} (such as {@code zh}); English, or a language without a catalogue, as written. */
    public static ReportWords of(String language) {
        if (language == null || language.isBlank() || language.equals("en")) {
            return ENGLISH;
        }
        return BY_LANGUAGE.computeIfAbsent(language, ReportWords::load);
    }

    /** {@code text} in the catalogue's words: a whole match, else a pattern, else each part of a list (a, b; c) on its own. */
    public String say(String text) {
        if (text == null || text.isBlank() || exact.isEmpty() && patterns.isEmpty()) {
            return text;
        }
        String whole = whole(text);
        if (whole != null) {
            return whole;
        }
        Matcher separators = PARTS.matcher(text);
        if (!separators.find()) {
            return part(text);
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        separators.reset();
        while (separators.find()) {
            out.append(part(text.substring(at, separators.start()))).append(separators.group().startsWith(",") ? "，" : "；");
            at = separators.end();
        }
        return out.append(part(text.substring(at))).toString();
    }

    private String part(String text) {
        String whole = whole(text);
        if (whole != null) {
            return whole;
        }
        int eq = text.indexOf('=');
        if (eq > 0) { // a count by code: INTERESTED=3
            String key = whole(text.substring(0, eq));
            return key == null ? text : key + "=" + text.substring(eq + 1);
        }
        return text;
    }

    private String whole(String text) {
        String found = exact.get(text);
        if (found != null) {
            return found;
        }
        for (Map.Entry<Pattern, String> p : patterns) {
            Matcher m = p.getKey().matcher(text);
            if (m.matches()) {
                // what the pattern quotes (a status, a code) is worded too when the catalogue knows it
                String out = p.getValue();
                for (int g = m.groupCount(); g >= 1; g--) {
                    out = out.replace("$" + g, m.group(g) == null ? "" : part(m.group(g)));
                }
                return out;
            }
        }
        return null;
    }

    private static ReportWords load(String language) {
        Map<String, String> exact = new HashMap<>();
        List<Map.Entry<Pattern, String>> patterns = new ArrayList<>();
        String name = "/reports/words_" + language + ".txt";
        try (InputStream in = ReportWords.class.getResourceAsStream(name)) {
            if (in == null) {
                return ENGLISH;
            }
            int lineNo = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int at = line.indexOf(" = ");
                if (at < 0) {
                    throw new IllegalStateException(name + " line " + lineNo + ": no ' = '");
                }
                String key = line.substring(0, at).trim();
                String wording = line.substring(at + 3).trim();
                if (key.startsWith("~")) {
                    patterns.add(Map.entry(Pattern.compile(key.substring(1)), wording));
                } else {
                    exact.put(key, wording);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReportWords(Map.copyOf(exact), List.copyOf(patterns));
    }
}
