package org.opendialer.service.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opendialer.db.Databases;
import org.opendialer.db.SchemaMigrator;
import org.opendialer.service.leadimport.ImportFailedException;
import org.opendialer.service.leadimport.ImportRequest;
import org.opendialer.service.leadimport.ImportSummary;
import org.opendialer.service.leadimport.LeadImporter;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Imports a lead list (or a do-not-call list) into a campaign, with a progress bar and a summary. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a lead list (CSV, TSV or XLSX; UTF-8, UTF-16 or GBK) into a campaign, or a do-not-call list.")
public class ImportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--campaign", paramLabel = "ID|NAME", description = "Campaign id or name (optional with --dnc: global list).")
    String campaign;

    @Option(names = "--create-campaign", description = "Create the campaign (by --campaign name) when it does not exist yet.")
    boolean createCampaign;

    @Option(names = "--file", paramLabel = "PATH", description = "The file to import (not with --resume).")
    Path file;

    @Option(names = "--region", paramLabel = "CC", description = "Default phone region for numbers without a country code "
            + "(default: the campaign's, else US).")
    String region;

    @Option(names = "--encoding", paramLabel = "NAME", description = "Force the text encoding (UTF-8, GBK, UTF-16, windows-1252, ISO-8859-1, ...); "
            + "default: detected, and a file that is neither UTF-8 nor plausibly GBK is refused until it is given.")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Force the column delimiter of a CSV/TSV file: one character, or tab; default: detected.")
    String delimiter;

    @Option(names = "--dedupe", defaultValue = "skip", paramLabel = "skip|update",
            description = "A number already in the campaign: skip the row or update the lead (default skip).")
    String dedupe;

    @Option(names = "--dnc", description = "The file is a do-not-call list (for the campaign, or global without --campaign).")
    boolean dnc;

    @Option(names = "--map", split = ",", paramLabel = "FIELD=COLUMN",
            description = "Explicit mapping of lead fields to header columns, e.g. phone=Tel,first_name=Given.")
    Map<String, String> mapping = new LinkedHashMap<>();

    @Option(names = "--resume", paramLabel = "JOB",
            description = "Resume a failed or interrupted (e.g. killed) import job by its id; no --file needed.")
    Long resume;

    @Option(names = "--chunk-size", paramLabel = "ROWS", defaultValue = "5000",
            description = "Rows stored per transaction (default 5000).")
    int chunkSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (HikariDataSource dataSource = Databases.open(database.settings(), 4)) {
            new SchemaMigrator(dataSource).migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            LeadImporter importer = new LeadImporter(dataSource);
            ProgressBar bar = new ProgressBar(err);
            ImportSummary summary;
            try {
                if (resume != null) {
                    if (file != null) {
                        throw new UserFacingException("--resume continues the job's own file; leave out --file");
                    }
                    summary = importer.resume(resume, bar::show);
                } else {
                    if (file == null) {
                        throw new UserFacingException("--file is required (or --resume JOB to continue an import)");
                    }
                    long campaignId = campaignId(jdbc);
                    String phoneRegion = region != null ? region.toUpperCase() : campaignId == 0 ? "US"
                            : jdbc.queryForObject("SELECT default_region FROM campaigns WHERE id = ?", String.class, campaignId);
                    ImportRequest.Dedupe policy;
                    try {
                        policy = ImportRequest.Dedupe.valueOf(dedupe.toUpperCase());
                    } catch (IllegalArgumentException e) {
                        throw new UserFacingException("--dedupe must be skip or update, not '" + dedupe + "'");
                    }
                    ImportRequest request = new ImportRequest(campaignId, file, phoneRegion, encoding, delimiter(), policy, dnc,
                            mapping, chunkSize);
                    summary = importer.run(request, bar::show);
                }
            } catch (ImportFailedException e) {
                throw new UserFacingException(e.getMessage());
            }
            bar.done();
            out.printf("import job %d %s: read %d, imported %d, updated %d, duplicates %d, DNC %d, rejected %d (%.0f rows/s)%n",
                    summary.importJobId(), summary.status().name().toLowerCase(), summary.read(), summary.imported(),
                    summary.updated(), summary.duplicates(), summary.dnc(), summary.rejected(), summary.rowsPerSecond());
            if (summary.rejected() > 0) {
                Path name = Path.of("import-" + summary.importJobId() + "-rejected.csv");
                Path source = file != null ? file : jdbc.queryForList("SELECT file_path FROM import_jobs WHERE id = ?",
                        String.class, summary.importJobId()).stream().filter(p -> p != null).map(Path::of).findFirst().orElse(null);
                Path rejected = (source != null && source.toAbsolutePath().getParent() != null
                        ? source.toAbsolutePath().getParent().resolve(name) : name).toAbsolutePath();
                try (Writer writer = Files.newBufferedWriter(rejected, StandardCharsets.UTF_8)) {
                    importer.writeRejectedRows(summary.importJobId(), writer);
                }
                out.println("rejected rows: " + rejected);
            }
            if (summary.failed()) {
                err.println("error: import failed: " + summary.message() + " (resume with --resume " + summary.importJobId() + ")");
                return 1;
            }
            return 0;
        }
    }

    private Character delimiter() {
        if (delimiter == null) {
            return null;
        }
        String d = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
        if (d.length() != 1 || Character.isLetterOrDigit(d.charAt(0)) || d.charAt(0) == '"') {
            throw new UserFacingException("--delimiter must be one character such as , ; | or tab, not '" + delimiter + "'");
        }
        return d.charAt(0);
    }

    private long campaignId(JdbcTemplate jdbc) {
        if (campaign == null) {
            if (dnc) {
                return 0;
            }
            throw new UserFacingException("--campaign is required to import leads");
        }
        List<Long> ids = campaign.matches("\\d+")
                ? jdbc.queryForList("SELECT id FROM campaigns WHERE id = ?", Long.class, Long.parseLong(campaign))
                : jdbc.queryForList("SELECT id FROM campaigns WHERE name = ?", Long.class, campaign);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        if (!createCampaign || campaign.matches("\\d+")) {
            throw new UserFacingException("no campaign '" + campaign + "'; create it with --create-campaign (by name)");
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO campaigns (name, default_region, created_at, updated_at) VALUES (?, ?, ?, ?)", campaign,
                region == null ? "US" : region.toUpperCase(), now, now);
        return jdbc.queryForObject("SELECT id FROM campaigns WHERE name = ?", Long.class, campaign);
    }

    /** A one-line progress bar on stderr, redrawn in place. */
    private static final class ProgressBar {
        private final PrintWriter err;
        private boolean shown;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        void show(ImportSummary s) {
            int width = 30;
            int filled = (int) Math.round(s.percent() / 100 * width);
            err.printf("\r[%s%s] %5.1f%% %d rows, %d rejected, %.0f rows/s", "#".repeat(filled), " ".repeat(width - filled),
                    s.percent(), s.read(), s.rejected(), s.rowsPerSecond());
            err.flush();
            shown = true;
        }

        void done() {
            if (shown) {
                err.println();
            }
        }
    }
}
