package org.opendialer.service.robot;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.opendialer.speech.Audio;
import org.opendialer.speech.script.TalkTrackLoader;
import org.opendialer.speech.script.Yaml12;
import org.opendialer.speech.tts.SpeechSynthesizer;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.opendialer.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the talk-track editor needs besides saving: a script's YAML as a tree to edit node by node, every problem of
 * a draft without saving it (checked as the user types), and a prompt spoken by the robot's voice as WAV.
 */
@RestController
public class ScriptEditing {

    private final ScriptStore scripts;
    private final SpeechEngines speech;

    public ScriptEditing(ScriptStore scripts, SpeechEngines speech) {
        this.scripts = scripts;
        this.speech = speech;
    }

    /** The saved script as its YAML reads: name, start and each node's keys, in the file's order. */
    @GetMapping("/api/scripts/{id}/outline")
    public Object outline(@PathVariable long id) {
        String body = scripts.body(id).orElseThrow(() -> new NotFoundException("no script with id " + id));
        return Yaml12.load(body);
    }

    /** Every problem of a draft talk track, by node; an empty list when it would save. Nothing is stored. */
    @PostMapping(path = "/api/scripts/validate", consumes = {"application/yaml", "text/yaml", "text/plain"})
    public Map<String, Object> validate(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(ScriptController.MAX_BYTES + 1);
        if (body.length > ScriptController.MAX_BYTES) {
            throw new org.opendialer.service.web.PayloadTooLargeException("a talk track may be at most " + ScriptController.MAX_BYTES / 1024 + " KB");
        }
        List<Map<String, String>> problems = TalkTrackLoader.problems(new String(body, java.nio.charset.StandardCharsets.UTF_8)).stream()
                .map(p -> Map.of("node", p.node(), "problem", p.problem())).toList();
        return Map.of("valid", problems.isEmpty(), "problems", problems);
    }

    public record SayIt(String text) {
    }

    /** A prompt the installed voice cannot read. */
    static final class VoiceCannotSay extends RuntimeException {
        VoiceCannotSay(String message) {
            super(message);
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(VoiceCannotSay.class)
    public ResponseEntity<org.springframework.http.ProblemDetail> cannotSay(VoiceCannotSay e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "text", e.getMessage());
    }

    /**
     * {@code text} in the robot's voice, as a 16 kHz WAV the browser plays. Placeholders ({first_name}) are read out
     * as their names. The voice reads Latin script only: a prompt in Chinese is refused with a 422 naming the voice,
     * rather than played as silence.
     */
    @PostMapping("/api/scripts/say")
    public ResponseEntity<byte[]> say(@RequestBody SayIt request) throws IOException {
        String text = request == null || request.text() == null ? "" : request.text().replaceAll("\\{([^{}]+)}", "$1").trim();
        if (text.isEmpty()) {
            throw new InvalidRequestException("text", "a prompt to speak is required");
        }
        if (text.length() > TalkTrackLoader.MAX_PROMPT) {
            throw new InvalidRequestException("text", "at most " + TalkTrackLoader.MAX_PROMPT + " characters");
        }
        SpeechSynthesizer voice = speech.voice();
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            throw new VoiceCannotSay("the voice " + voice.voice() + " reads English only; a Chinese prompt cannot be previewed");
        }
        Audio audio = voice.speak(text, Audio.WIDEBAND);
        AudioFormat format = new AudioFormat(audio.sampleRate(), 16, 1, true, false);
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(audio.pcm()), format, audio.samples())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav")).body(wav.toByteArray());
    }
}
