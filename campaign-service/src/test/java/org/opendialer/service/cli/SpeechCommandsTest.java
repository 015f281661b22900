package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechCommandsTest {

    private static final String SCRIPTS = Path.of("../scripts").toAbsolutePath().normalize().toString();

    @TempDir
    Path dir;

    @Test
    void scriptValidateAcceptsTheSamplesAndNamesEveryProblemOfABrokenScript() throws Exception {
        CliRun ok = CliRun.of("script", "validate", SCRIPTS + "/win-back.yaml");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("valid");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "name: x\nstart: a\nnodes:\n  a:\n    say: hi\n    on: {YES: b}\n");
        CliRun bad = CliRun.of("script", "validate", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("broken.yaml: a: goes to unknown node 'b'");
    }

    @Test
    void intentTagsAnUtteranceAndSaysWhereTheScriptGoes() {
        CliRun run = CliRun.of("intent", "--script", SCRIPTS + "/broadband-offer.yaml", "--node", "offer", "how much is it per month");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("intent: ASK_PRICE").contains("next node: price");
    }

    @Test
    void intentHearsANodesOwnIntentsInOtherWordsThanItsExamples() {
        CliRun run = CliRun.of("intent", "--script", SCRIPTS + "/plan-choice.yaml", "--node", "plan", "the cheap one");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("intent: BASIC").contains("nearest example \"").contains("next node: basic");

        CliRun rules = CliRun.of("intent", "--rules-only", "--script", SCRIPTS + "/plan-choice.yaml", "--node", "plan", "the cheap one");
        assertThat(rules.out()).contains("intent: NO_MATCH");
    }

    @Test
    void intentRecognisesARecordingFirst() throws Exception {
        Path wav = dir.resolve("answer.wav");
        org.opendialer.speech.agi.WavFiles.write(new org.opendialer.speech.tts.MaryTtsSynthesizer()
                .speak("please stop calling me", org.opendialer.speech.Audio.TELEPHONE), wav);
        CliRun run = CliRun.of("intent", "--audio", wav.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("heard: \"").contains("intent: DO_NOT_CALL");
    }

    @Test
    void robotRunsAWholeConversationThroughSpeech() {
        CliRun run = CliRun.of("robot", "--script", SCRIPTS + "/broadband-offer.yaml", "--persona", SCRIPTS + "/personas/opt-out.yaml",
                "--lead", "first_name=Sam");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1. [greeting] robot: Hello Sam").contains("outcome: DNC, disposition DO_NOT_CALL");
    }
}
