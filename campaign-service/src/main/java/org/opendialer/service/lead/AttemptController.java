package org.opendialer.service.lead;

import java.nio.file.Path;
import java.util.Map;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.security.AuditLog;
import org.opendialer.service.web.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One attempt, and its call recording. Recordings are files written by the PBX (Asterisk's MixMonitor);
 * a relative path is looked up under {@code dialer.recordings.dir}, where the PBX's recordings are mounted,
 * and only audio files inside that folder are ever sent (see {@link RecordingFiles}). A refusal never says
 * where the server looked. Every playback is written to the audit log before a byte is sent.
 */
@RestController
public class AttemptController {

    private final AttemptQueries attempts;
    private final AuditLog audit;
    private final RecordingFiles recordings;

    public AttemptController(JdbcTemplate jdbc, AuditLog audit, RecordingProperties recordings) {
        this.attempts = new AttemptQueries(jdbc);
        this.audit = audit;
        this.recordings = new RecordingFiles(recordings.dir());
    }

    @GetMapping("/api/attempts/{id}")
    public Map<String, Object> attempt(@PathVariable long id) {
        return attempts.summary(id).orElseThrow(() -> new NotFoundException("no attempt with id " + id));
    }

    @GetMapping("/api/attempts/{id}/recording")
    public ResponseEntity<Resource> recording(@PathVariable long id) {
        Object stored = attempt(id).get("recording_path");
        if (stored == null || stored.toString().isBlank()) {
            throw new NotFoundException("attempt " + id + " was not recorded");
        }
        RecordingFiles.Recording recording = recordings.find(stored.toString())
                .orElseThrow(() -> new NotFoundException("the recording of attempt " + id + " is not available on this server"));
        Path file = recording.file();
        audit.record(AuditLog.RECORDING_PLAYED, "attempt " + id, file.getFileName().toString());
        MediaType type = MediaType.valueOf(recording.contentType());
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"attempt-" + id + "-"
                        + file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .body(new FileSystemResource(file));
    }
}
