package org.opendialer.service.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFilesTest {

    @TempDir
    Path dir;
    private Path folder;
    private RecordingFiles recordings;

    @BeforeEach
    void givenARecordingsFolderBesideOtherFiles() throws Exception {
        folder = Files.createDirectories(dir.resolve("recordings"));
        Files.createDirectories(folder.resolve("7"));
        Files.write(folder.resolve("7/1234.wav"), new byte[] {'R', 'I', 'F', 'F'});
        Files.writeString(folder.resolve("7/notes.txt"), "not audio");
        Files.writeString(dir.resolve("secret.wav"), "outside the folder");
        Files.writeString(dir.resolve("passwd"), "root:x:0:0");
        recordings = new RecordingFiles(folder);
    }

    @Test
    void anAudioFileInsideTheFolderIsFoundByItsRelativeOrAbsolutePath() {
        assertThat(recordings.find("7/1234.wav")).get().satisfies(r -> {
            assertThat(r.contentType()).isEqualTo("audio/wav");
            assertThat(r.file().getFileName().toString()).isEqualTo("1234.wav");
        });
        assertThat(recordings.find(folder.resolve("7/1234.wav").toString())).isPresent();
        assertThat(recordings.find("7/./../7/1234.wav")).as("a path that stays inside once normalised").isPresent();
    }

    @Test
    void aPathThatClimbsOutOfTheFolderIsNoRecording() {
        assertThat(recordings.find("../passwd")).isEmpty();
        assertThat(recordings.find("../secret.wav")).isEmpty();
        assertThat(recordings.find("7/../../secret.wav")).isEmpty();
        assertThat(recordings.find("../../../../../../etc/passwd")).isEmpty();
    }

    @Test
    void anAbsolutePathElsewhereIsNoRecording() {
        assertThat(recordings.find(dir.resolve("secret.wav").toString())).isEmpty();
        assertThat(recordings.find("/etc/passwd")).isEmpty();
    }

    @Test
    void aLinkInsideThatPointsOutIsNoRecording() throws Exception {
        Files.createSymbolicLink(folder.resolve("7/escape.wav"), dir.resolve("secret.wav"));
        assertThat(recordings.find("7/escape.wav")).isEmpty();
    }

    @Test
    void onlyAudioFilesAreRecordings() {
        assertThat(recordings.find("7/notes.txt")).isEmpty();
        assertThat(recordings.find("7")).as("a folder").isEmpty();
        assertThat(recordings.find("7/missing.wav")).isEmpty();
        assertThat(recordings.find("")).isEmpty();
    }
}
