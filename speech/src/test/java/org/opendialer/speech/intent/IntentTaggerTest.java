package org.opendialer.speech.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IntentTaggerTest {

    private final IntentTagger tagger = new IntentTagger();

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "yes I am very interested, INTERESTED",
        "I'm not really interested, NOT_INTERESTED",
        "no thanks we're fine, NOT_INTERESTED",
        "how much does it cost per month, ASK_PRICE",
        "can you call me back tomorrow afternoon, CALLBACK_LATER",
        "please stop calling me, DO_NOT_CALL",
        "don't call this number again, DO_NOT_CALL",
        "sorry I'm in a meeting, BUSY_NOW",
        "we switched to another company last year, SWITCHED_PROVIDER",
        "I'm already a customer, ALREADY_CUSTOMER",
        "you have the wrong number, WRONG_PERSON",
        "can I speak to a real person, WANTS_HUMAN",
        "please leave a message after the tone, ANSWERING_MACHINE",
        "yeah sure, YES",
        "nope, NO",
        "well I am intrested, INTERESTED"
    })
    void tagsWhatCalleesSay(String utterance, Intent expected) {
        assertThat(tagger.tag(utterance).intent()).isEqualTo(expected);
    }

    @Test
    void aRecognitionErrorStillMatchesButLessSurely() {
        TaggedIntent exact = tagger.tag("not interested");
        TaggedIntent misheard = tagger.tag("not interestid");
        assertThat(misheard.intent()).isEqualTo(Intent.NOT_INTERESTED);
        assertThat(misheard.confidence()).isLessThan(exact.confidence());
    }

    @Test
    void gibberishAndSilenceMatchNothing() {
        assertThat(tagger.tag("the weather in paris").matched()).isFalse();
        assertThat(tagger.tag("").name()).isEqualTo("NO_MATCH");
    }

    @Test
    void aScriptsOwnExamplesAreMatchedToo() {
        IntentTagger withExamples = new IntentTagger(Map.of("INTERESTED", List.of("fiber sounds fantastic")));
        assertThat(withExamples.tag("fiber sounds fantastic").intent()).isEqualTo(Intent.INTERESTED);
        assertThat(tagger.tag("fiber sounds fantastic").matched()).isFalse();
    }

    @Test
    void fillerWordsInsideAPhraseDoNotHideIt() {
        assertThat(tagger.tag("that sounds really good").intent()).isEqualTo(Intent.INTERESTED);
        assertThat(tagger.tag("we are already customers").intent()).isEqualTo(Intent.ALREADY_CUSTOMER);
        assertThat(tagger.tag("i am really not interested").intent()).isEqualTo(Intent.NOT_INTERESTED);
        assertThat(tagger.tag("not really").intent()).isEqualTo(Intent.NO);
    }

    @Test
    void negatedInterestSaysSo() {
        TaggedIntent t = tagger.tag("I'm not that interested");
        assertThat(t.basis()).isEqualTo(TaggedIntent.Basis.NEGATED_PHRASE);
        assertThat(t.phrase()).isEqualTo("not interested");
        assertThat(tagger.tag("no thanks").basis()).isEqualTo(TaggedIntent.Basis.PHRASE);
    }

    @Test
    void aNodesOwnIntentIsTaggedByItsNameWithNoBuiltInIntent() {
        IntentTagger atPlanNode = new IntentTagger(Map.of("PREMIUM", List.of("the premium one")));
        TaggedIntent t = atPlanNode.tag("uh the premium one please");
        assertThat(t.name()).isEqualTo("PREMIUM");
        assertThat(t.intent()).isNull();
        assertThat(t.matched()).isTrue();
    }

    @Test
    void aBareNotIsNoAnswerOnItsOwn() {
        // "not really" without its filler would be "not", found in every negated answer
        assertThat(tagger.tag("it's not something I want").intent()).isNotEqualTo(Intent.NO);
    }

    @Test
    void namingADayOrATimeAsksForACallback() {
        assertThat(tagger.tag("how back on monday").intent()).isEqualTo(Intent.CALLBACK_LATER);
        assertThat(tagger.tag("maybe tomorrow afternoon").intent()).isEqualTo(Intent.CALLBACK_LATER);
    }
}
