package org.opendialer.service.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.opendialer.reports.ReportFormat;
import org.opendialer.reports.ReportRequest;
import org.opendialer.reports.ReportType;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.Problems;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Turns what a user asked for (type, format, optional from/to dates in the campaign's zone) into a report
 * request: {@code to} is inclusive (the whole day), {@code from} defaults to 30 days before it.
 */
public final class ReportOrder {

    /** The days a report may cover: the dialer keeps no calls from before, and cannot have any from after. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

    private ReportOrder() {
    }

    public static ReportRequest of(Campaign campaign, JdbcTemplate jdbc, String type, String format, String from, String to,
                                   boolean bom, Instant now) {
        ReportType reportType;
        ReportFormat reportFormat;
        try {
            reportType = ReportType.parse(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("type", e.getMessage());
        }
        try {
            reportFormat = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("format", e.getMessage());
        }
        ZoneId zone = campaign.reportZone();
        LocalDate last = date("to", to, LocalDate.ofInstant(now, zone));
        LocalDate first = date("from", from, last.minusDays(29));
        if (first.isAfter(last)) {
            throw new InvalidRequestException("from", "must not be after to (" + last + ")");
        }
        String weights = jdbc.queryForObject("SELECT grading_weights FROM campaigns WHERE id = ?", String.class, campaign.id());
        return new ReportRequest(campaign.id(), campaign.name(), reportType, reportFormat, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), zone, LocalDate.ofInstant(now, zone), bom, weights);
    }

    private static LocalDate date(String field, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, Problems.quote(text) + " is not a date (YYYY-MM-DD)");
        }
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new InvalidRequestException(field, "a date from " + FIRST_DAY + " to " + LAST_DAY);
        }
        return date;
    }

    public static String fileName(ReportRequest r) {
        return "campaign-" + r.campaignId() + "-" + r.type().name().toLowerCase().replace('_', '-') + "." + r.format().extension();
    }
}
