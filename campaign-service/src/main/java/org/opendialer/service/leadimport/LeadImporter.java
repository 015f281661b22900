package org.opendialer.service.leadimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.builder.StepBuilder;
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

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;
    private final JobRepository repository;
    private final TaskExecutorJobLauncher launcher;
    private final List<ChunkListener> extraListeners;

    public LeadImporter(DataSource dataSource) {
        this(dataSource, List.of());
    }

    /** {@code listeners} see every chunk of every import (progress displays, fault drills in tests). */
    public LeadImporter(DataSource dataSource, List<ChunkListener> listeners) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
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

    /** Restarts a failed or interrupted import where its last committed chunk ended. */
    public ImportSummary resume(long importJobId, Consumer<ImportSummary> progress) {
        var row = jdbc.queryForMap("SELECT * FROM import_jobs WHERE id = ?", importJobId);
        String status = (String) row.get("STATUS");
        if ("COMPLETED".equals(status)) {
            return summary(importJobId);
        }
        Long campaign = row.get("CAMPAIGN_ID") == null ? 0L : ((Number) row.get("CAMPAIGN_ID")).longValue();
        ImportRequest request = new ImportRequest(campaign, Path.of((String) row.get("FILE_PATH")), (String) row.get("REGION"),
                (String) row.get("ENCODING"), null, ImportRequest.Dedupe.valueOf((String) row.get("DEDUPE_POLICY")),
                "DNC".equals(row.get("KIND")), java.util.Map.of(), ImportRequest.DEFAULT_CHUNK);
        Long list = row.get("LIST_ID") == null ? null : ((Number) row.get("LIST_ID")).longValue();
        return launch(prepare(request, new long[] {importJobId, list == null ? 0 : list}), progress);
    }

    public ImportSummary summary(long importJobId) {
        return jdbc.queryForObject("SELECT * FROM import_jobs WHERE id = ?", (rs, n) -> {
            Timestamp started = rs.getTimestamp("started_at");
            Timestamp ended = rs.getTimestamp("ended_at");
            double seconds = Math.max(0.001, Duration.between(started.toInstant(),
                    ended == null ? Instant.now() : ended.toInstant()).toMillis() / 1000.0);
            long read = rs.getLong("rows_read");
            return new ImportSummary(importJobId, rs.getString("status"), rs.getLong("rows_total"), read,
                    rs.getLong("rows_imported"), rs.getLong("rows_updated"), rs.getLong("rows_duplicate"),
                    rs.getLong("rows_dnc"), rs.getLong("rows_rejected"), rs.getString("message"), read / seconds);
        }, importJobId);
    }

    /** The rejected rows as CSV: row, field, reason code, reason, raw text. */
    public long writeRejectedRows(long importJobId, Writer out) throws IOException {
        long[] count = {0};
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("row", "field", "reason_code", "reason", "raw_text").get())) {
            jdbc.query("SELECT row_no, field_name, reason_code, reason, raw_text FROM import_row_errors "
                    + "WHERE import_job_id = ? ORDER BY row_no, id", rs -> {
                        try {
                            printer.printRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                            count[0]++;
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }, importJobId);
        }
        return count[0];
    }

    private record Prepared(long importJobId, ImportRequest request, SourceFile source, LeadColumns columns, Long listId) {
    }

    private Prepared prepare(ImportRequest request, long[] existing) {
        SourceFile source = SourceFile.inspect(request.file(), request.encoding(), request.delimiter());
        String format = source.format().name();
        String encoding = source.encoding().name();
        if (source.format() == SourceFile.Format.XLSX) {
            source = SourceFile.inspect(XlsxToCsv.convert(request.file()), "UTF-8", ',');
        }
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
            return new Prepared(existing[0], request, source, columns, existing[1] == 0 ? null : existing[1]);
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
                ps.setString(2, fileName);
                ps.setString(3, request.file().toAbsolutePath().toString());
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
                    + "encoding, region, dedupe_policy, status, rows_total, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "'STARTING', ?, ?)", new String[] {"id"});
            ps.setString(1, request.dncList() ? "DNC" : "LEADS");
            ps.setObject(2, request.campaignId() == 0 ? null : request.campaignId());
            ps.setObject(3, list);
            ps.setString(4, fileName);
            ps.setString(5, request.file().toAbsolutePath().toString());
            ps.setString(6, format);
            ps.setString(7, encoding);
            ps.setString(8, request.region());
            ps.setString(9, request.dedupe().name());
            ps.setLong(10, total);
            ps.setTimestamp(11, now);
            return ps;
        }, keys);
        return new Prepared(keys.getKey().longValue(), request, source, columns, listId);
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
        Job job = new JobBuilder("leadImport", repository).start(step).build();
        JobParameters parameters = new JobParametersBuilder().addLong("importJobId", prepared.importJobId()).toJobParameters();
        JobExecution execution;
        try {
            execution = launcher.run(job, parameters);
        } catch (Exception e) {
            markEnded(prepared.importJobId(), "FAILED", e.getMessage());
            return summary(prepared.importJobId());
        }
        jdbc.update("UPDATE import_jobs SET batch_execution_id = ? WHERE id = ?", execution.getId(), prepared.importJobId());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            markEnded(prepared.importJobId(), "COMPLETED", null);
        } else {
            List<String> causes = new ArrayList<>();
            for (Throwable failure : execution.getAllFailureExceptions()) {
                Throwable root = failure;
                while (root.getCause() != null && !(root instanceof ImportFailedException)) {
                    root = root.getCause();
                }
                causes.add(root.getMessage());
            }
            markEnded(prepared.importJobId(), "FAILED", causes.isEmpty() ? execution.getExitStatus().getExitDescription()
                    : String.join("; ", causes));
        }
        return summary(prepared.importJobId());
    }

    private void markEnded(long importJobId, String status, String message) {
        String text = message == null ? null : message.length() > 1000 ? message.substring(0, 1000) : message;
        jdbc.update("UPDATE import_jobs SET status = ?, message = ?, ended_at = ? WHERE id = ?", status, text,
                Timestamp.from(Instant.now()), importJobId);
    }

    DataSource dataSource() {
        return dataSource;
    }
}
