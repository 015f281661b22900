package org.opendialer.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One report to produce: its campaign, type and format, the time range {@code [from, to)}, the zone days
 * and hours are counted in, "today" for customer-status rules, and for CSV whether to start with a BOM.
 */
public record ReportRequest(long campaignId, String campaignName, ReportType type, ReportFormat format, Instant from,
                            Instant to, ZoneId zone, LocalDate today, boolean bom, String gradingWeights) {
}
