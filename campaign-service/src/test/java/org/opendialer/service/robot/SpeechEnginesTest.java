package org.opendialer.service.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendialer.speech.script.TalkTrackLoader;

class SpeechEnginesTest {

    @TempDir
    Path prompts;

    @Test
    void aCampaignsFixedPromptsAreRenderedWhenItStartsAndKeptOnDisk() throws Exception {
        var track = TalkTrackLoader.load(Path.of("../scripts/broadband-offer.yaml"));
        try (SpeechEngines speech = new SpeechEngines(prompts)) {
            speech.prepare(track);
            assertThat(speech.voice().cached("Thank you for your time. Have a nice day. Goodbye.", 8000)).isTrue();
            assertThat(speech.voice().cached(track.node("greeting").say(), 8000)).as("has {first_name}: rendered per lead").isFalse();
        }
        try (var files = Files.list(prompts)) {
            assertThat(files.count()).isGreaterThan(8);
        }
    }
}
