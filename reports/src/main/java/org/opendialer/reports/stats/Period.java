package org.opendialer.reports.stats;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** How statistics are grouped over time: by hour of day, by day, by month or by year (local time). */
public enum Period {
    HOUR("HH':00'"), DAY("yyyy-MM-dd"), MONTH("yyyy-MM"), YEAR("yyyy");

    private final DateTimeFormatter format;

    Period(String pattern) {
        this.format = DateTimeFormatter.ofPattern(pattern);
    }

    public String key(ZonedDateTime at) {
        return format.format(at);
    }
}
