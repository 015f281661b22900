package org.opendialer.service.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * How the pages word the server's own messages (validation errors, refusals, why a campaign is not dialling) in
 * the user's language. The REST API keeps one plain English text per message; the catalogue
 * {@code ui/server-messages_<language>.txt} lists, one per line, {@code pattern => wording} ({@code $1} takes the
 * pattern's first group), and the page applies the first pattern that matches the whole message. English has a
 * catalogue too, for the messages that speak in the API's units (a share, seconds) where the page shows percent and
 * hours.
 */
@Component
public class ServerMessages {

    private static final String SEPARATOR = " => ";
    private final Map<String, List<List<String>>> byLanguage = new ConcurrentHashMap<>();

    /** The catalogue for {@code locale}'s language as {@code [pattern, wording]} pairs; empty when there is none. */
    public List<List<String>> catalogue(Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return byLanguage.computeIfAbsent(language, ServerMessages::load);
    }

    private static List<List<String>> load(String language) {
        List<List<String>> entries = new ArrayList<>();
        try (InputStream in = ServerMessages.class.getResourceAsStream("/ui/server-messages_" + language + ".txt")) {
            if (in == null) {
                return entries;
            }
            int lineNo = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int at = line.indexOf(SEPARATOR);
                if (at < 0) {
                    throw new IllegalStateException("ui/server-messages_" + language + ".txt line " + lineNo + ": no ' => '");
                }
                String pattern = line.substring(0, at).trim();
                Pattern.compile(pattern); // a broken pattern fails at start-up, naming its line, not in a user's page
                entries.add(List.of(pattern, line.substring(at + SEPARATOR.length()).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }
}
