package org.opendialer.service.lead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opendialer.service.security.AuditLog;
import org.opendialer.service.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
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
 * a relative path is looked up under {@code dialer.recordings.dir}, where the PBX's recordings are mounted.
 * Every playback is written to the audit log before a byte is sent.
 */
@RestController
public class AttemptController {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Path recordings;

    public AttemptController(JdbcTemplate jdbc, AuditLog audit, @Value("${dialer.recordings.dir:data/recordings}") String recordings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.recordings = Path.of(recordings);
    }

    @GetMapping("/api/attempts/{id}")
    public Map<String, Object> attempt(@PathVariable long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, campaign_id, lead_id, attempt_no, state, result, abandoned, "
                + "agent_id, placed_at, answered_at, ended_at, talk_s, disposition_code, notes, recording_path "
                + "FROM call_attempts WHERE id = ?", id);
        if (rows.isEmpty()) {
            throw new NotFoundException("no attempt with id " + id);
        }
        return rows.get(0);
    }

    @GetMapping("/api/attempts/{id}/recording")
    public ResponseEntity<Resource> recording(@PathVariable long id) {
        Object stored = attempt(id).get("recording_path");
        if (stored == null || stored.toString().isBlank()) {
            throw new NotFoundException("attempt " + id + " was not recorded");
        }
        Path file = Path.of(stored.toString());
        if (!file.isAbsolute()) {
            file = recordings.resolve(file);
        }
        if (!Files.isReadable(file)) {
            throw new NotFoundException("the recording of attempt " + id + " is not on this server"); // where it was looked for stays in the server
        }
        audit.record(AuditLog.RECORDING_PLAYED, "attempt " + id, file.getFileName().toString());
        String name = file.getFileName().toString().toLowerCase();
        MediaType type = name.endsWith(".mp3") ? MediaType.valueOf("audio/mpeg")
                : name.endsWith(".gsm") ? MediaType.valueOf("audio/x-gsm") : MediaType.valueOf("audio/wav");
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"attempt-" + id + "-" + file.getFileName() + "\"")
                .body(new FileSystemResource(file));
    }
}
