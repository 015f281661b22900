package org.opendialer.speech.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opendialer.speech.IntentBench;
import org.opendialer.speech.LabelledUtterances;
import org.opendialer.speech.intent.minilm.MiniLmEmbedder;
import org.opendialer.speech.script.Node;
import org.opendialer.speech.script.TalkTrack;
import org.opendialer.speech.script.TalkTrackLoader;

/**
 * The regression gate on the fixed held-out answers of {@code /bench/intents.tsv}, with the real embedding
 * model (a few seconds to load and embed the examples), and the rule that keeps the figure honest: no
 * held-out answer is an example anywhere.
 */
class HeldOutAccuracyTest {

    private final List<LabelledUtterances.Utterance> heldOut = LabelledUtterances.load().split("heldout");

    @Test
    void theHeldOutAnswersAreTaggedAtLeast93PercentRight() {
        IntentModel model = IntentModels.withEmbeddings(MiniLmEmbedder.shared()).model(java.util.Map.of());

        IntentBench.Score score = IntentBench.score(model, heldOut);

        assertThat(score.percent()).as(String.join("\n", score.misses())).isGreaterThanOrEqualTo(93.0);
    }

    @Test
    void theSplitIsFixedAndCoversEveryIntent() {
        LabelledUtterances set = LabelledUtterances.load();
        assertThat(set.all()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(heldOut.size()).isBetween(set.all().size() * 35 / 100, set.all().size() * 45 / 100);
        Set<String> labels = heldOut.stream().map(LabelledUtterances.Utterance::intent).collect(Collectors.toSet());
        for (Intent intent : Intent.values()) {
            assertThat(labels).contains(intent.name());
        }
    }

    @Test
    void noHeldOutAnswerIsAnExample() throws Exception {
        List<String> examples = new ArrayList<>();
        IntentModels.builtInExamples().values().forEach(examples::addAll);
        try (Stream<Path> scripts = Files.list(Path.of("../scripts"))) {
            for (Path file : scripts.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                TalkTrack track = TalkTrackLoader.load(file);
                track.examples().values().forEach(examples::addAll);
                for (Node node : track.nodes().values()) {
                    node.intents().values().forEach(examples::addAll);
                }
            }
        }
        Set<String> said = examples.stream().map(HeldOutAccuracyTest::plain).collect(Collectors.toSet());

        assertThat(heldOut).filteredOn(u -> said.contains(plain(u.text()))).isEmpty();
    }

    private static String plain(String text) {
        return String.join(" ", Arrays.asList(IntentTagger.words(text)));
    }
}
