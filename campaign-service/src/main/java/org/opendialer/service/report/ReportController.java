package org.opendialer.service.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.reports.LeadFilter;
import org.opendialer.reports.ReportRequest;
import org.opendialer.service.security.AuditLog;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.reports.Reports;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Reports over REST, streamed as a download: {@code GET /api/campaigns/{id}/reports/{type}?format=csv|xlsx|html&from=&to=&bom=}. */
@RestController
public class ReportController {

    private final CampaignRepository campaigns;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DialerClock clock;
    private final AuditLog audit;

    public ReportController(CampaignRepository campaigns, DataSource dataSource, JdbcTemplate jdbc, DialerClock clock, AuditLog audit) {
        this.audit = audit;
        this.campaigns = campaigns;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/campaigns/{id}/reports/{type}")
    public ResponseEntity<StreamingResponseBody> report(@PathVariable long id, @PathVariable String type,
                                                        @RequestParam(defaultValue = "csv") String format,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        @RequestParam(defaultValue = "false") boolean bom,
                                                        @RequestParam(required = false) String grade,
                                                        @RequestParam(required = false) String status,
                                                        @RequestParam(defaultValue = "false") boolean inline,
                                                        java.util.Locale locale) {
        Campaign campaign = campaigns.get(id);
        ReportRequest request;
        try {
            request = ReportOrder.of(campaign, jdbc, type, format, from, to, bom, clock.now()).withLeads(LeadFilter.parse(grade, status))
                    .inLanguage(locale == null ? "en" : locale.getLanguage());
        } catch (LeadFilter.UnknownValue e) {
            throw new InvalidRequestException(e.field(), e.reason());
        }
        if (!inline) {
            audit.record(AuditLog.REPORT_EXPORTED, "campaign " + id, request.type() + " " + request.format() + " "
                    + request.from() + " - " + request.to() + (grade == null ? "" : " grade " + grade)
                    + (status == null ? "" : " status " + status));
        }
        java.time.Clock asOf = java.time.Clock.fixed(clock.now(), java.time.ZoneOffset.UTC);
        StreamingResponseBody body = out -> {
            try {
                new Reports(dataSource, asOf).write(request, out);
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("report failed", e)); // the cause is logged, never sent
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? "inline" : "attachment") + "; filename=\"" + ReportOrder.fileName(request) + "\"")
                .contentType(MediaType.parseMediaType(request.format().contentType()))
                .body(body);
    }
}
