package org.opendialer.service.robot;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opendialer.service.web.NotFoundException;
import org.opendialer.service.web.PayloadTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Talk tracks over REST: upload YAML (at most {@link #MAX_BYTES}; validated, 400 lists every problem with its
 * node as the field) and read it back.
 */
@RestController
public class ScriptController {

    /** A talk track is a page or two of prompts; anything much larger is a mistake or an attack, refused unread. */
    static final int MAX_BYTES = 256 * 1024;

    private final ScriptStore scripts;

    public ScriptController(ScriptStore scripts) {
        this.scripts = scripts;
    }

    @PostMapping(path = "/api/scripts", consumes = {"application/yaml", "text/yaml", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    public ScriptStore.StoredScript upload(HttpServletRequest request) throws IOException {
        return scripts.save(bounded(request));
    }

    /** The body as text, read no further than the limit (a declared length over it is refused before reading). */
    private static String bounded(HttpServletRequest request) throws IOException {
        String tooLarge = "a talk track may be at most " + MAX_BYTES / 1024 + " KB";
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new PayloadTooLargeException(tooLarge);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new PayloadTooLargeException(tooLarge);
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @GetMapping("/api/scripts")
    public java.util.List<ScriptStore.StoredScript> list() {
        return scripts.list();
    }

    /** The script as an agent reads it: each node's name and prompt, in the order of the YAML, placeholders left in. */
    @GetMapping("/api/scripts/{id}/prompts")
    public java.util.List<Map<String, String>> prompts(@PathVariable long id) {
        String body = scripts.body(id).orElseThrow(() -> new NotFoundException("no script with id " + id));
        org.opendialer.speech.script.TalkTrack track = org.opendialer.speech.script.TalkTrackLoader.parse("script " + id, body);
        return track.nodes().values().stream().filter(n -> n.say() != null && !n.say().isBlank())
                .map(n -> Map.of("node", n.id(), "prompt", n.say())).toList();
    }

    @GetMapping("/api/scripts/{id}")
    public Map<String, Object> get(@PathVariable long id) {
        return Map.of("id", id, "body", scripts.body(id).orElseThrow(() -> new NotFoundException("no script with id " + id)));
    }
}
