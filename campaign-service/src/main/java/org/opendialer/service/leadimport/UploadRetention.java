package org.opendialer.service.leadimport;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Uploaded lead lists are personal data kept only while they may be needed: an upload whose import
 * finished (completed or failed) more than {@code dialer.uploads.retention} ago (default 30 days) is
 * deleted, as is an upload no import refers to (refused at its check) once that old. An import still
 * running, or stored as running, keeps its file so it can be resumed. Checked at start-up and hourly.
 */
@Component
public class UploadRetention {

    private static final Logger log = LoggerFactory.getLogger(UploadRetention.class);

    private final JdbcTemplate jdbc;
    private final Path uploads;
    private final Duration retention;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "upload-retention");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public UploadRetention(DataSource dataSource, BackgroundImports imports,
                           ImportProperties properties) {
        this(new JdbcTemplate(dataSource), imports.folders().uploads(), properties.uploads().retention());
    }

    UploadRetention(JdbcTemplate jdbc, Path uploads, Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("dialer.uploads.retention must not be negative, e.g. 30d or 12h, not " + retention);
        }
        this.jdbc = jdbc;
        this.uploads = uploads;
        this.retention = retention;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int deleted = deleteExpired(Instant.now());
                if (deleted > 0) {
                    log.info("deleted {} uploaded lead lists older than {}", deleted, retention);
                }
            } catch (RuntimeException e) {
                log.warn("cannot delete expired uploads: {}", e.getMessage());
            }
        }, 0, 1, TimeUnit.HOURS);
    }

    /** Deletes the uploads past their retention at {@code now}; returns how many. */
    public int deleteExpired(Instant now) {
        Instant cutoff = now.minus(retention);
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(uploads)) {
            for (Path file : files) {
                List<Timestamp> ended = jdbc.queryForList("SELECT CASE WHEN status IN ('COMPLETED', 'FAILED') THEN ended_at "
                        + "END FROM import_jobs WHERE file_path = ?", Timestamp.class, file.toAbsolutePath().toString());
                boolean expired;
                if (ended.isEmpty()) {
                    expired = Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
                } else {
                    expired = ended.stream().allMatch(at -> at != null && at.toInstant().isBefore(cutoff));
                }
                if (expired && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uploads, e);
        }
        return deleted;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
