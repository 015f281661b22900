package org.opendialer.speech.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendialer.speech.intent.TaggedIntent.Basis;

/** How the phrase rules and the examples decide together (examples embedded by shared words: no model needed). */
class CombinedIntentsTest {

    private final UtteranceEmbedder embedder = new WordBagEmbedder();

    private IntentModel withExamples(Map<String, List<String>> examples) {
        return new CombinedIntents(new IntentTagger(), new NearestExamples(embedder, NearestExamples.embed(examples, new HashMap<>(), embedder)));
    }

    @Test
    void negatedInterestStandsEvenWhenAnExampleOfInterestIsNearer() {
        IntentModel model = withExamples(Map.of("INTERESTED", List.of("i am that interested in the fibre offer")));

        TaggedIntent t = model.tag("I am not that interested in the fibre offer");

        assertThat(t.intent()).isEqualTo(Intent.NOT_INTERESTED);
        assertThat(t.basis()).isEqualTo(Basis.NEGATED_PHRASE);
    }

    @Test
    void anExplicitPhraseWinsOverAnExampleThatSaysTheSameWords() {
        IntentModel model = withExamples(Map.of("CALLBACK_LATER", List.of("please stop calling me")));

        TaggedIntent t = model.tag("please stop calling me");

        assertThat(t.intent()).isEqualTo(Intent.DO_NOT_CALL);
        assertThat(t.basis()).isEqualTo(Basis.PHRASE);
    }

    @Test
    void theExamplesDecideWhereTheRulesFindNothing() {
        IntentModel model = withExamples(Map.of("INTERESTED", List.of("count me in"), "BUSY_NOW", List.of("i am up a ladder")));
        assertThat(new IntentTagger().tag("count me in for the fibre").matched()).isFalse();

        TaggedIntent t = model.tag("count me in for the fibre");

        assertThat(t.intent()).isEqualTo(Intent.INTERESTED);
        assertThat(t.basis()).isEqualTo(Basis.EXAMPLE);
        assertThat(t.phrase()).isEqualTo("count me in");
    }

    @Test
    void anUnsureRuleMatchIsOverruledOnlyByAnExampleCloseEnough() {
        assertThat(new IntentTagger().tag("there's no maria here").confidence()).isLessThan(CombinedIntents.SURE_PHRASE);
        IntentModel close = withExamples(Map.of("WRONG_PERSON", List.of("there's no maria here at all")));
        IntentModel far = withExamples(Map.of("WRONG_PERSON", List.of("maria moved away")));

        assertThat(close.tag("there's no maria here").intent()).isEqualTo(Intent.WRONG_PERSON);
        assertThat(far.tag("there's no maria here").intent()).isEqualTo(Intent.NO);
    }

    @Test
    void examplesCannotReadYesIntoAnAnswerThatNegates() {
        IntentModel model = withExamples(Map.of("YES", List.of("i have a minute"), "NO", List.of("not now")));

        assertThat(model.tag("i don't have a minute").intent()).isNotEqualTo(Intent.YES);
        assertThat(model.tag("i have a minute").intent()).isEqualTo(Intent.YES);
    }

    @Test
    void anAnswerNearestToTheExamplesOfNoIntentMatchesNothing() {
        IntentModel model = withExamples(Map.of(NearestExamples.NONE, List.of("who is calling please"), "YES", List.of("yes who is it")));

        TaggedIntent t = model.tag("who is calling");

        assertThat(t.matched()).isFalse();
        assertThat(t.name()).isEqualTo("NO_MATCH");
    }

    @Test
    void anAnswerFarFromEveryExampleMatchesNothing() {
        IntentModel model = withExamples(Map.of("INTERESTED", List.of("count me in")));

        assertThat(model.tag("the weather in paris").matched()).isFalse();
    }

    @Test
    void aNodesOwnIntentsAreHeardByBothLayersAtThatNodeOnly() {
        IntentModels models = IntentModels.withEmbeddings(embedder);
        Map<String, List<String>> plans = Map.of("BASIC", List.of("the basic plan"), "PREMIUM", List.of("the premium plan with the fastest speed"));
        IntentModel atPlanNode = models.model(Map.of(), plans);

        TaggedIntent byPhrase = atPlanNode.tag("the basic plan please");
        TaggedIntent byExample = atPlanNode.tag("fastest speed premium");

        assertThat(byPhrase.name()).isEqualTo("BASIC");
        assertThat(byPhrase.intent()).isNull();
        assertThat(byPhrase.basis()).isEqualTo(Basis.PHRASE);
        assertThat(byExample.name()).isEqualTo("PREMIUM");
        assertThat(byExample.basis()).isEqualTo(Basis.EXAMPLE);
        assertThat(models.model(Map.of()).tag("the basic plan please").name()).isNotEqualTo("BASIC");
    }
}
