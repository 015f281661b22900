package org.opendialer.service.leadimport;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One file to import.
 *
 * @param campaignId the campaign the leads (or the DNC list) belong to; 0 for the global DNC list
 * @param region     default phone region for numbers written without a country code (CN, US, GB, ...)
 * @param encoding   forced text encoding, or null to detect it
 * @param delimiter  forced delimiter, or null to detect it
 * @param dedupe     what to do with a number already in the campaign
 * @param dncList    the file is a do-not-call list, not leads
 * @param mapping    explicit lead field → header column, overriding the guesses
 */
public record ImportRequest(long campaignId, Path file, String region, String encoding, Character delimiter,
                            Dedupe dedupe, boolean dncList, Map<String, String> mapping, int chunkSize) {

    public enum Dedupe { SKIP, UPDATE }

    /** Rows per transaction: large enough that per-chunk costs (lookups, commit, job bookkeeping) stay small. */
    public static final int DEFAULT_CHUNK = 5000;

    public ImportRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(dedupe, "dedupe");
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        if (chunkSize <= 0) {
            chunkSize = DEFAULT_CHUNK;
        }
    }

    public static ImportRequest leads(long campaignId, Path file, String region) {
        return new ImportRequest(campaignId, file, region, null, null, Dedupe.SKIP, false, Map.of(), DEFAULT_CHUNK);
    }

    public ImportRequest withDedupe(Dedupe policy) {
        return new ImportRequest(campaignId, file, region, encoding, delimiter, policy, dncList, mapping, chunkSize);
    }

    public ImportRequest withChunkSize(int size) {
        return new ImportRequest(campaignId, file, region, encoding, delimiter, dedupe, dncList, mapping, size);
    }

    public ImportRequest withEncoding(String forced) {
        return new ImportRequest(campaignId, file, region, forced, delimiter, dedupe, dncList, mapping, chunkSize);
    }

    public ImportRequest asDncList() {
        return new ImportRequest(campaignId, file, region, encoding, delimiter, dedupe, true, mapping, chunkSize);
    }
}
