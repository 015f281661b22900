package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialerCliTest {

    private static String freshH2() {
        return "jdbc:h2:mem:cli" + UUID.randomUUID().toString().replace("-", "") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    }

    @Test
    void anUnknownCommandExitsNonZeroWithUsage() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("Unmatched argument").contains("Usage: dialer");
    }

    @Test
    void noCommandAtAllExitsNonZeroNamingTheChoices() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("Missing command").contains("serve").contains("migrate").contains("demo");
    }

    @Test
    void aBadFlagExitsNonZero() {
        CliRun run = CliRun.of("migrate", "--no-such-flag");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--no-such-flag");
    }

    @Test
    void serveRejectsAnArgumentThatIsNotASpringProperty() {
        CliRun run = CliRun.of("serve", "--db-url", freshH2(), "bogus");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("Unknown option 'bogus'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "migrate", "demo"})
    void everyCommandExplainsItselfWithHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: dialer " + command);
    }

    @Test
    void migrateBringsAnEmptyDatabaseToTheLatestSchema() {
        CliRun run = CliRun.of("migrate", "--db-url", freshH2());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("schema at version \\d+ \\(\\d+ migrations applied now\\)");
    }

    @Test
    void anUnreachableDatabaseIsOneClearLine() {
        CliRun run = CliRun.of("migrate", "--db-url", "jdbc:mysql://127.0.0.1:1/dialer?connectTimeout=500", "--db-user", "root");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: Cannot reach the database at jdbc:mysql://127.0.0.1:1/dialer");
    }
}
