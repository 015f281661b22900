package org.opendialer.service.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jfree.chart.JFreeChart;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.reports.ReportRequest;
import org.opendialer.reports.chart.Charts;
import org.opendialer.reports.chart.ReportCharts;
import org.opendialer.reports.ranking.LeadGrades;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Charts as images ({@code GET /api/campaigns/{id}/charts/{name}.png|svg}) and grading on demand
 * ({@code POST /api/campaigns/{id}/grades}: every lead's score, grade and customer status stored on the lead).
 */
@RestController
public class ChartController {

    private final CampaignRepository campaigns;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DialerClock clock;

    public ChartController(CampaignRepository campaigns, DataSource dataSource, JdbcTemplate jdbc, DialerClock clock) {
        this.campaigns = campaigns;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/campaigns/{id}/charts/{name}.{ext}")
    public ResponseEntity<byte[]> chart(@PathVariable long id, @PathVariable String name, @PathVariable String ext,
                                        @RequestParam(required = false) String from, @RequestParam(required = false) String to)
            throws SQLException, IOException {
        Campaign campaign = campaigns.get(id);
        ReportRequest request = ReportOrder.of(campaign, jdbc, "campaign", "html", from, to, false, clock.now());
        JFreeChart chart;
        try {
            chart = new ReportCharts(dataSource).chart(name, request);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("name", e.getMessage());
        }
        return switch (ext) {
            case "png" -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(Charts.png(chart));
            case "svg" -> ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                    .body(Charts.svg(chart).getBytes(StandardCharsets.UTF_8));
            default -> throw new InvalidRequestException("ext", "png or svg, not '" + ext + "'");
        };
    }

    @PostMapping("/api/campaigns/{id}/grades")
    public java.util.Map<String, Object> grade(@PathVariable long id) throws SQLException {
        Campaign campaign = campaigns.get(id);
        long graded = grades(dataSource, jdbc, campaign.id(), java.time.LocalDate.ofInstant(clock.now(), campaign.reportZone()));
        return java.util.Map.of("campaignId", id, "graded", graded);
    }

    /** Grades and stores every lead of a campaign with its own weights. */
    public static long grades(DataSource dataSource, JdbcTemplate jdbc, long campaignId, java.time.LocalDate today) throws SQLException {
        String weights = jdbc.queryForObject("SELECT grading_weights FROM campaigns WHERE id = ?", String.class, campaignId);
        return LeadGrades.forCampaign(dataSource, weights, today).persist(campaignId);
    }
}
