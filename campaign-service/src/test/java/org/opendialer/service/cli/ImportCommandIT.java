package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandIT {

    @TempDir
    Path dir;

    @Test
    void importsAListIntoANewCampaignAndReportsTheRejectedRows() throws Exception {
        Path list = dir.resolve("leads.csv");
        Files.writeString(list, "phone,first_name\n+14155550101,Ada\nnot a number,Bob\n", StandardCharsets.UTF_8);
        String db = "--db-url=jdbc:h2:file:" + dir.resolve("dialer").toAbsolutePath() + ";MODE=MySQL";
        CliRun run = CliRun.of("import", db, "--campaign", "Spring promo", "--create-campaign", "--file", list.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("read 2, imported 1, updated 0, duplicates 0, DNC 0, rejected 1");
        assertThat(run.out()).contains("rejected rows: ");
        assertThat(run.err()).contains("100.0%");

        CliRun missing = CliRun.of("import", db, "--campaign", "Nope", "--file", list.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("error: no campaign 'Nope'; create it with --create-campaign (by name)");

        Path junk = dir.resolve("junk.csv");
        Files.writeString(junk, "name,city\nAda,London\n");
        CliRun noPhone = CliRun.of("import", db, "--campaign", "Spring promo", "--file", junk.toString());
        assertThat(noPhone.exitCode()).isEqualTo(1);
        assertThat(noPhone.err()).startsWith("error: junk.csv: no phone column");
    }

    @Test
    void aGivenDelimiterOverridesDetection() throws Exception {
        Path list = dir.resolve("semicolons.txt");
        // the header alone would suggest a comma; the operator knows the file is semicolon-separated
        Files.writeString(list, "phone;name, title, city\n+14155550101;Ada, CEO, Paris\n+14155550102;Bob, CTO, Rome\n",
                StandardCharsets.UTF_8);
        String db = "--db-url=jdbc:h2:file:" + dir.resolve("dialer").toAbsolutePath() + ";MODE=MySQL";
        CliRun detected = CliRun.of("import", db, "--campaign", "Delimited", "--create-campaign", "--file", list.toString());
        assertThat(detected.exitCode()).as("detection reads commas here and finds no phone column").isEqualTo(1);
        CliRun run = CliRun.of("import", db, "--campaign", "Delimited", "--create-campaign", "--file", list.toString(),
                "--delimiter", ";");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("read 2, imported 2");

        CliRun bad = CliRun.of("import", db, "--campaign", "Delimited", "--file", list.toString(), "--delimiter", "ab");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("--delimiter must be one character");
    }
}
