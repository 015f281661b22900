package org.opendialer.reports.export;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Orders report rows by a small integer key (a score 0-100, say) without holding them: each row is spilled
 * to the temporary file of its key and the files are read back from the highest key down. Rows with the
 * same key keep their arrival order. Numbers survive the round trip as numbers.
 */
public final class BucketSort implements AutoCloseable {

    private final Path dir;
    private final CSVPrinter[] buckets;
    private long rows;

    public BucketSort(int keys) throws IOException {
        dir = Files.createTempDirectory("dialer-report");
        buckets = new CSVPrinter[keys];
    }

    public void add(int key, List<?> values) {
        try {
            if (buckets[key] == null) {
                BufferedWriter writer = Files.newBufferedWriter(dir.resolve(key + ".csv"), StandardCharsets.UTF_8);
                buckets[key] = new CSVPrinter(writer, CSVFormat.DEFAULT);
            }
            List<String> encoded = new ArrayList<>(values.size());
            for (Object v : values) {
                encoded.add(v == null ? "" : v instanceof Number ? (v instanceof Double || v instanceof Float ? "d" : "n") + v : "s" + v);
            }
            buckets[key].printRecord(encoded);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rows() {
        return rows;
    }

    /** Writes every row to {@code out}, highest key first. */
    public void drainTo(TableWriter out) throws IOException {
        for (int key = buckets.length - 1; key >= 0; key--) {
            if (buckets[key] == null) {
                continue;
            }
            buckets[key].close(true);
            try (BufferedReader reader = Files.newBufferedReader(dir.resolve(key + ".csv"), StandardCharsets.UTF_8)) {
                for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
                    List<Object> values = new ArrayList<>(record.size());
                    for (String cell : record) {
                        values.add(decode(cell));
                    }
                    out.row(values);
                }
            }
        }
    }

    private static Object decode(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        String value = cell.substring(1);
        return switch (cell.charAt(0)) {
            case 'n' -> Long.parseLong(value);
            case 'd' -> Double.parseDouble(value);
            default -> value;
        };
    }

    @Override
    public void close() throws IOException {
        for (int key = 0; key < buckets.length; key++) {
            if (buckets[key] != null) {
                buckets[key].close();
            }
            Files.deleteIfExists(dir.resolve(key + ".csv"));
        }
        Files.deleteIfExists(dir);
    }
}
