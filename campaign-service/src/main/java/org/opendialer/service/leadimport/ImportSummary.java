package org.opendialer.service.leadimport;

/**
 * Where an import stands: rows read, imported, updated, duplicate, on a DNC list, rejected (all
 * rejections, duplicates and DNC included), and, while running, speed and share done.
 */
public record ImportSummary(long importJobId, ImportStatus status, long rowsTotal, long read, long imported, long updated,
                            long duplicates, long dnc, long rejected, String message, double rowsPerSecond) {

    @com.fasterxml.jackson.annotation.JsonProperty("percent")
    public double percent() {
        return rowsTotal <= 0 ? 0 : Math.min(100, 100.0 * read / rowsTotal);
    }

    public boolean failed() {
        return status == ImportStatus.FAILED;
    }
}
