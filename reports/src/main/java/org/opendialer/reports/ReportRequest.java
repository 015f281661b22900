package org.opendialer.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One report to produce: its campaign, type and format, the time range {@code [from, to)}, the zone days
 * and hours are counted in, "today" for customer-status rules, for CSV whether to start with a BOM, and which
 * leads the lead reports list.
 */
public record ReportRequest(long campaignId, String campaignName, ReportType type, ReportFormat format, Instant from,
                            Instant to, ZoneId zone, LocalDate today, boolean bom, String gradingWeights, LeadFilter leads) {

    /** A request for every lead. */
    public ReportRequest(long campaignId, String campaignName, ReportType type, ReportFormat format, Instant from,
                         Instant to, ZoneId zone, LocalDate today, boolean bom, String gradingWeights) {
        this(campaignId, campaignName, type, format, from, to, zone, today, bom, gradingWeights, LeadFilter.ALL);
    }

    public ReportRequest withLeads(LeadFilter filter) {
        return new ReportRequest(campaignId, campaignName, type, format, from, to, zone, today, bom, gradingWeights, filter);
    }
}
