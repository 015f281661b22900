package org.opendialer.engine.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Latencies the end-to-end tests measure, appended to {@code target/asterisk-latency.txt} for e2e.sh to print. */
final class Latency {

    private Latency() {
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static void record(String what, List<Long> millis) {
        String line = String.format("%s: p50 %d ms, p99 %d ms, max %d ms over %d calls%n", what, percentile(millis, 50),
                percentile(millis, 99), percentile(millis, 100), millis.size());
        System.out.print(line);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "asterisk-latency.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
