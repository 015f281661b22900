package org.opendialer.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One report to produce: its campaign, type and format, the time range {@code [from, to)}, the zone days
 * and hours are counted in, "today" for customer-status rules, for CSV whether to start with a BOM, and which
 * leads the lead reports list, and the language an HTML report is worded in.
 */
public record ReportRequest(long campaignId, String campaignName, ReportType type, ReportFormat format, Instant from,
                            Instant to, ZoneId zone, LocalDate today, boolean bom, String gradingWeights, LeadFilter leads,
                            String language) {

    /** A request in English. */
    public ReportRequest(long campaignId, String campaignName, ReportType type, ReportFormat format, Instant from,
                         Instant to, ZoneId zone, LocalDate today, boolean bom, String gradingWeights, LeadFilter leads) {
        this(campaignId, campaignName, type, format, from, to, zone, today, bom, gradingWeights, leads, "en");
    }

    /** A request for every lead. */
    public ReportRequest(long campaignId, String campaignName, ReportType type, ReportFormat format, Instant from,
                         Instant to, ZoneId zone, LocalDate today, boolean bom, String gradingWeights) {
        this(campaignId, campaignName, type, format, from, to, zone, today, bom, gradingWeights, LeadFilter.ALL);
    }

    public ReportRequest withLeads(LeadFilter filter) {
        return new ReportRequest(campaignId, campaignName, type, format, from, to, zone, today, bom, gradingWeights, filter, language);
    }

    /** The same report worded in {@code language} (HTML only: CSV and XLSX keep the column names scripts read). */
    public ReportRequest inLanguage(String language) {
        return new ReportRequest(campaignId, campaignName, type, format, from, to, zone, today, bom, gradingWeights, leads, language);
    }
}
