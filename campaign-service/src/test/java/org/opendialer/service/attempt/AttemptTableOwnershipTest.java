package org.opendialer.service.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the attempts feature reads or writes {@code call_attempts}: every other feature asks {@link AttemptQueries},
 * writes through {@link AttemptStore} or listens to {@link AttemptEvent}s. The command line's demo and benchmark,
 * which print and seed whole days of calls, are the one exception.
 */
class AttemptTableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/org/opendialer/service");

    @Test
    void noOtherFeatureHoldsSqlOnTheAttemptsTable() throws IOException {
        assertThat(Files.isDirectory(SOURCES.resolve("attempt"))).as("run from the campaign-service module").isTrue();

        assertThat(filesMentioningTheTable()).allMatch(file -> file.startsWith(SOURCES.resolve("attempt"))
                || file.startsWith(SOURCES.resolve("cli")), "in the attempt package (or the command line's demo and bench)");
    }

    @Test
    void theAttemptsFeatureIsWhereTheTableIsUsed() throws IOException {
        assertThat(filesMentioningTheTable()).contains(SOURCES.resolve("attempt/AttemptStore.java"),
                SOURCES.resolve("attempt/AttemptQueries.java"));
    }

    private static List<Path> filesMentioningTheTable() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("call_attempts");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
