package org.opendialer.service.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.opendialer.db.Databases;
import org.opendialer.db.SchemaMigrator;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.reports.ReportRequest;
import org.opendialer.reports.Reports;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.report.ReportOrder;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a report: leads ranked by interest, lost customers, campaign, agent or script-funnel statistics.")
public class ReportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--campaign", required = true, paramLabel = "ID|NAME")
    String campaign;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "leads, lost-customers, campaign, agents or funnel")
    String type;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv, xlsx or html (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day (campaign's zone); default 30 days before --to")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day, inclusive; default today")
    String to;

    @Option(names = "--bom", description = "start a CSV with a UTF-8 BOM (Excel in China reads Chinese text correctly then)")
    boolean bom;

    @Option(names = "--grade", paramLabel = "A,B", description = "lead reports: only these grades")
    String grade;

    @Option(names = "--status", paramLabel = "LOST,AT_RISK", description = "lead reports: only these customer statuses (ACTIVE, AT_RISK, LOST, NEVER)")
    String status;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        try (HikariDataSource dataSource = Databases.open(database.settings(), 8); SystemClock clock = new SystemClock("report")) {
            new SchemaMigrator(dataSource).migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Campaign found = new CampaignRepository(jdbc, clock).find(campaign)
                    .orElseThrow(() -> new UserFacingException("no campaign '" + campaign + "'"));
            ReportRequest request;
            try {
                request = ReportOrder.of(found, jdbc, type, format, from, to, bom, Instant.now())
                        .withLeads(org.opendialer.reports.LeadFilter.parse(grade, status));
            } catch (InvalidRequestException e) {
                throw new UserFacingException("--" + e.errors().get(0).field() + ": " + e.errors().get(0).message());
            } catch (org.opendialer.reports.LeadFilter.UnknownValue e) {
                throw new UserFacingException("--" + e.field() + ": " + e.reason());
            }
            long started = System.nanoTime();
            try (OutputStream file = Files.newOutputStream(out)) {
                new Reports(dataSource).write(request, file);
            }
            stdout.printf("%s report of '%s' (%s to %s) written to %s in %.1f s%n", request.type().name().toLowerCase(),
                    found.name(), request.from(), request.to(), out.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
            stdout.flush();
        }
        return 0;
    }
}
