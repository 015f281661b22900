package org.opendialer.service.leadimport;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The server's imports, run one at a time on a thread of their own: uploads submitted over HTTP, and at
 * start-up the imports a killed process left behind, resumed where their last committed chunk ended.
 */
@Component
public class BackgroundImports {

    private static final Logger log = LoggerFactory.getLogger(BackgroundImports.class);

    private final LeadImporter importer;
    private final ImportFolders folders;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lead-import");
        thread.setDaemon(true);
        return thread;
    });

    public BackgroundImports(DataSource dataSource, ImportProperties properties) {
        this.folders = ImportFolders.under(properties.data().dir());
        this.importer = new LeadImporter(dataSource, folders, List.of());
    }

    public LeadImporter importer() {
        return importer;
    }

    public ImportFolders folders() {
        return folders;
    }

    /** Checks the file and registers the import at once; returns its id while it runs in the background. */
    public long submit(ImportRequest request) {
        return importer.submit(request, executor);
    }

    /** Queues every import whose owner is gone for resumption; returns their ids. */
    @EventListener(ApplicationReadyEvent.class)
    public List<Long> resumeAbandoned() {
        List<Long> abandoned = importer.abandonedImports();
        for (long id : abandoned) {
            log.info("resuming import job {}, interrupted when the process running it stopped", id);
            executor.execute(() -> {
                try {
                    ImportSummary done = importer.resume(id, null);
                    log.info("import job {} resumed: {}", id, done.status().name().toLowerCase());
                } catch (RuntimeException e) {
                    log.warn("import job {} could not be resumed: {}", id, e.getMessage());
                }
            });
        }
        return abandoned;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
