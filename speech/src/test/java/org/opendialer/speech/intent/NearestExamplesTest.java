package org.opendialer.speech.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NearestExamplesTest {

    private final WordBagEmbedder embedder = new WordBagEmbedder();

    @Test
    void anIntentScoresItsTwoNearestExamplesSoOneStrayExampleDoesNotCarryIt() {
        Map<String, List<String>> examples = new LinkedHashMap<>();
        examples.put("UNHAPPY", List.of("call me", "the line is always down and slow"));
        examples.put("CALLBACK_LATER", List.of("call me later", "call me back"));
        NearestExamples nearest = new NearestExamples(embedder, NearestExamples.embed(examples, new HashMap<>(), embedder));

        TaggedIntent t = nearest.tag("call me");

        assertThat(t.intent()).isEqualTo(Intent.CALLBACK_LATER);
        assertThat(t.confidence()).isBetween(0.7, 0.9);
    }

    @Test
    void anExampleIsEmbeddedOnceHoweverOftenItIsUsed() {
        AtomicInteger calls = new AtomicInteger();
        UtteranceEmbedder counting = text -> {
            calls.incrementAndGet();
            return embedder.embed(text);
        };
        Map<String, float[]> memory = new HashMap<>();
        NearestExamples.embed(Map.of("YES", List.of("yes please", "sure")), memory, counting);
        NearestExamples.embed(Map.of("YES", List.of("yes please")), memory, counting);

        assertThat(calls).hasValue(2);
    }
}
