package org.opendialer.service.leadimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Runs lead and DNC imports as Spring Batch jobs on the application's database: one chunk-oriented step
 * (read rows, normalise them, store them), restartable with {@link #resume}. The {@code import_jobs} row
 * holds the request and the running counters, so progress is readable from any thread or process while
 * the job runs.
 */
public final class LeadImporter {

    private static final String JOB = "leadImport";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;
    private final JobRepository repository;
    private final TaskExecutorJobLauncher launcher;
    private final List<ChunkListener> extraListeners;
    private final ImportFolders folders;
    private final ImportJobs jobs;

    public LeadImporter(DataSource dataSource) {
        this(dataSource, ImportFolders.standard(), List.of());
    }

    public LeadImporter(DataSource dataSource, List<ChunkListener> listeners) {
        this(dataSource, ImportFolders.standard(), listeners);
    }

    /**
     * {@code folders} hold the scratch files (the stale ones of killed imports are removed now);
     * {@code listeners} see every chunk of every import (progress displays, fault drills in tests).
     */
    public LeadImporter(DataSource dataSource, ImportFolders folders, List<ChunkListener> listeners) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.folders = folders;
        this.jobs = new ImportJobs(jdbc);
        folders.removeStaleScratchFiles(Instant.now());
        this.transactions = new DataSourceTransactionManager(dataSource);
        this.extraListeners = List.copyOf(listeners);
        try {
            JobRepositoryFactoryBean factory = new JobRepositoryFactoryBean();
            factory.setDataSource(dataSource);
            factory.setTransactionManager(transactions);
            factory.setIsolationLevelForCreate("ISOLATION_READ_COMMITTED");
            factory.afterPropertiesSet();
            repository = factory.getObject();
            launcher = new TaskExecutorJobLauncher();
            launcher.setJobRepository(repository);
            launcher.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the import job repository", e);
        }
    }

    /** Imports a file; returns when the job has finished (completed or failed). */
    public ImportSummary run(ImportRequest request, Consumer<ImportSummary> progress) {
        Prepared prepared = prepare(request, null);
        return launch(prepared, progress);
    }

    /**
     * Checks the file and registers the import at once (so a bad file is refused before anything runs),
     * then runs the job on {@code executor}; returns the import job id to poll with {@link #summary}.
     */
    public long submit(ImportRequest request, java.util.concurrent.Executor executor) {
        Prepared prepared = prepare(request, null);
        executor.execute(() -> launch(prepared, null));
        return prepared.importJobId();
    }

    /**
     * Restarts a failed or interrupted import where its last committed chunk ended: one that failed, or one
     * stored as running whose owner is gone (killed). One still running elsewhere is refused.
     */
    public ImportSummary resume(long importJobId, Consumer<ImportSummary> progress) {
        Map<String, Object> row;
        try {
            row = jobs.row(importJobId);
        } catch (EmptyResultDataAccessException e) {
            throw new ImportFailedException("no import job " + importJobId);
        }
        if (ImportJobs.status(row) == ImportStatus.COMPLETED) {
            return summary(importJobId);
        }
        if (ImportJobs.running(row) && !ImportJobs.abandoned(row, Instant.now())) {
            throw new ImportFailedException("import job " + importJobId + " is running (in process " + row.get("OWNER_ID")
                    + ", seen " + row.get("HEARTBEAT_AT") + " UTC); it can be resumed once it has stopped");
        }
        closeAbandonedExecution(importJobId);
        Long campaign = row.get("CAMPAIGN_ID") == null ? 0L : ((Number) row.get("CAMPAIGN_ID")).longValue();
        ImportRequest request = new ImportRequest(campaign, Path.of((String) row.get("FILE_PATH")), (String) row.get("REGION"),
                (String) row.get("ENCODING"), null, ImportRequest.Dedupe.valueOf((String) row.get("DEDUPE_POLICY")),
                "DNC".equals(row.get("KIND")), java.util.Map.of(), ImportRequest.DEFAULT_CHUNK);
        Long list = row.get("LIST_ID") == null ? null : ((Number) row.get("LIST_ID")).longValue();
        return launch(prepare(request, new long[] {importJobId, list == null ? 0 : list}), progress);
    }

    /** The imports stored as running whose owner is gone, oldest first: the ones to {@link #resume}. */
    public List<Long> abandonedImports() {
        return jobs.abandoned(Instant.now());
    }

    /**
     * The Spring Batch execution a killed process left STARTED would make the restart look like a second
     * run of a running job; it is closed as failed, keeping the position its last committed chunk saved.
     */
    private void closeAbandonedExecution(long importJobId) {
        JobExecution last = repository.getLastJobExecution(JOB, parameters(importJobId));
        if (last == null || !last.getStatus().isRunning()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now();
        ExitStatus interrupted = ExitStatus.FAILED.addExitDescription("interrupted: the process running it is gone");
        for (StepExecution step : last.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(interrupted);
                step.setEndTime(now);
                repository.update(step);
            }
        }
        last.setStatus(BatchStatus.FAILED);
        last.setExitStatus(interrupted);
        last.setEndTime(now);
        repository.update(last);
    }

    public ImportSummary summary(long importJobId) {
        return jobs.summary(importJobId);
    }

    /** The rejected rows as CSV: row, field, reason code, reason, raw text; formula-like cells neutralised. */
    public long writeRejectedRows(long importJobId, Writer out) throws IOException {
        return RejectedRowsCsv.write(jdbc, importJobId, out);
    }

    private record Prepared(long importJobId, ImportRequest request, SourceFile source, LeadColumns columns, Long listId,
                            Path scratch) {
    }

    private Prepared prepare(ImportRequest request, long[] existing) {
        SourceFile source = SourceFile.inspect(request.file(), request.encoding(), request.delimiter());
        if (source.format() != SourceFile.Format.XLSX) {
            return prepare(request, existing, source, source, null);
        }
        Path scratch = folders.newScratchFile(".csv");
        try {
            XlsxToCsv.convert(request.file(), scratch);
            return prepare(request, existing, source, SourceFile.inspect(scratch, "UTF-8", ','), scratch);
        } catch (RuntimeException e) {
            ImportFolders.delete(scratch);
            throw e;
        }
    }

    private Prepared prepare(ImportRequest request, long[] existing, SourceFile original, SourceFile source, Path scratch) {
        String format = original.format().name();
        String encoding = original.encoding().name();
        List<String> header;
        try {
            header = RowReader.header(source);
        } catch (IOException e) {
            throw new ImportFailedException(request.file().getFileName() + ": cannot be read: " + e.getMessage());
        }
        String fileName = request.file().getFileName().toString();
        LeadColumns columns = LeadColumns.map(fileName, header, request.mapping());
        new PhoneNormalizer(request.region());
        if (existing != null) {
            return new Prepared(existing[0], request, source, columns, existing[1] == 0 ? null : existing[1], scratch);
        }
        if (!request.dncList()) {
            Integer campaigns = jdbc.queryForObject("SELECT COUNT(*) FROM campaigns WHERE id = ?", Integer.class, request.campaignId());
            if (campaigns == null || campaigns == 0) {
                throw new ImportFailedException("no campaign with id " + request.campaignId());
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        Long listId = null;
        if (!request.dncList()) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(c -> {
                var ps = c.prepareStatement("INSERT INTO lead_lists (campaign_id, name, source_file, active, created_at) "
                        + "VALUES (?, ?, ?, TRUE, ?)", new String[] {"id"});
                ps.setLong(1, request.campaignId());
                ps.setString(2, LeadLimits.clip(fileName, 255));
                ps.setString(3, LeadLimits.clip(request.file().toAbsolutePath().toString(), 1024));
                ps.setTimestamp(4, now);
                return ps;
            }, keys);
            listId = keys.getKey().longValue();
        }
        long total = countRows(source);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Long list = listId;
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO import_jobs (kind, campaign_id, list_id, file_name, file_path, file_format, "
                    + "encoding, region, dedupe_policy, status, rows_total, started_at, owner_id, heartbeat_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'STARTING', ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, request.dncList() ? "DNC" : "LEADS");
            ps.setObject(2, request.campaignId() == 0 ? null : request.campaignId());
            ps.setObject(3, list);
            ps.setString(4, LeadLimits.clip(fileName, 512));
            ps.setString(5, request.file().toAbsolutePath().toString());
            ps.setString(6, format);
            ps.setString(7, encoding);
            ps.setString(8, request.region());
            ps.setString(9, request.dedupe().name());
            ps.setLong(10, total);
            ps.setTimestamp(11, now);
            ps.setString(12, ImportOwner.self().id());
            ps.setTimestamp(13, now);
            return ps;
        }, keys);
        return new Prepared(keys.getKey().longValue(), request, source, columns, listId, scratch);
    }

    private static long countRows(SourceFile source) {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(source.path())) {
            int n;
            int last = '\n';
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
            if (last != '\n') {
                lines++;
            }
        } catch (IOException e) {
            return 0;
        }
        return Math.max(0, lines - 1);
    }

    private ImportSummary launch(Prepared prepared, Consumer<ImportSummary> progress) {
        long id = prepared.importJobId();
        jobs.claim(id, Instant.now());
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lead-import-heartbeat-" + id);
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(() -> jobs.heartbeat(id, Instant.now()), ImportOwner.HEARTBEAT.toMillis(),
                ImportOwner.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            JobExecution execution = launcher.run(job(prepared, progress), parameters(id));
            jdbc.update("UPDATE import_jobs SET batch_execution_id = ? WHERE id = ?", execution.getId(), id);
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                jobs.markEnded(id, ImportStatus.COMPLETED, null, Instant.now());
            } else {
                jobs.markEnded(id, ImportStatus.FAILED, failure(execution), Instant.now());
            }
        } catch (Exception e) {
            jobs.markEnded(id, ImportStatus.FAILED, e.getMessage(), Instant.now());
        } finally {
            heartbeat.shutdownNow();
            ImportFolders.delete(prepared.scratch());
        }
        return summary(id);
    }

    private Job job(Prepared prepared, Consumer<ImportSummary> progress) {
        ImportRequest request = prepared.request();
        LeadChunkWriter writer = new LeadChunkWriter(jdbc, prepared.importJobId(), request.campaignId(), prepared.listId(),
                request.dedupe() == ImportRequest.Dedupe.UPDATE, request.dncList());
        var builder = new StepBuilder("importRows", repository)
                .<RowOutcome, RowOutcome>chunk(request.chunkSize(), transactions)
                .reader(new ReadAheadRows(new RowReader(prepared.source()),
                        new RowToLead(prepared.columns(), new PhoneNormalizer(request.region())), 2 * request.chunkSize()))
                .writer(writer)
                .listener(new ChunkListener() {
                    @Override
                    public void afterChunk(ChunkContext context) {
                        if (progress != null) {
                            progress.accept(summary(prepared.importJobId()));
                        }
                    }
                });
        for (ChunkListener listener : extraListeners) {
            builder.listener(listener);
        }
        Step step = builder.build();
        return new JobBuilder(JOB, repository).start(step).build();
    }

    private static JobParameters parameters(long importJobId) {
        return new JobParametersBuilder().addLong("importJobId", importJobId).toJobParameters();
    }

    private static String failure(JobExecution execution) {
        List<String> causes = new ArrayList<>();
        for (Throwable failure : execution.getAllFailureExceptions()) {
            Throwable root = failure;
            while (root.getCause() != null && !(root instanceof ImportFailedException)) {
                root = root.getCause();
            }
            causes.add(root.getMessage());
        }
        return causes.isEmpty() ? execution.getExitStatus().getExitDescription() : String.join("; ", causes);
    }

    static String clipMessage(String message) {
        return LeadLimits.clip(message, 1000);
    }

    DataSource dataSource() {
        return dataSource;
    }
}
