package org.opendialer.reports;

/** The reports there are. */
public enum ReportType {
    LEADS, LOST_CUSTOMERS, CAMPAIGN, AGENTS, FUNNEL;

    /** Parses {@code leads}, {@code lost-customers}, ... */
    public static ReportType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown report type '" + text + "'; choose leads, lost-customers, campaign, agents or funnel");
        }
    }
}
