package org.opendialer.reports.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class InterestScorerTest {

    private final InterestScorer scorer = new InterestScorer(GradingWeights.DEFAULT);

    private static LeadEvidence evidence(int talk, Set<String> dispositions, Set<String> intents, int points, int questions,
                                         int turns, int answered, int callbacks) {
        return new LeadEvidence(1, talk > 0 ? 1 : 0, talk >= 30 ? 1 : 0, talk, talk, dispositions, intents, points, questions,
                turns, answered, callbacks, false);
    }

    @Test
    void anInterestedCalleeInALongConversationIsAnA() {
        // 40 interested + 20 talk (240 s >= 180 s) + 5 x 2 questions + 10 x 4/4 prompts + 2 x 5 points = 90
        InterestScore s = scorer.score(evidence(240, Set.of(), Set.of("INTERESTED"), 5, 2, 4, 4, 0));
        assertThat(s.score()).isEqualTo(90);
        assertThat(s.grade()).isEqualTo(Grade.A);
        assertThat(s.reason()).isEqualTo("said interested, 5 talk-track points, talked 4m00s, asked 2 questions, answered 4/4 prompts");
    }

    @Test
    void interestInAShortCallIsAB() {
        // 40 + 20 x 60/180 = 46.67 -> 47
        InterestScore s = scorer.score(evidence(60, Set.of("INTERESTED"), Set.of(), 0, 0, 0, 0, 0));
        assertThat(s.score()).isEqualTo(47);
        assertThat(s.grade()).isEqualTo(Grade.B);
    }

    @Test
    void aCallbackRequestWithoutOtherInterestIsAB() {
        InterestScore s = scorer.score(evidence(45, Set.of("CALLBACK"), Set.of(), 0, 0, 0, 0, 1));
        assertThat(s.score()).isEqualTo(25); // 20 callback + 20 x 45/180
        assertThat(s.grade()).isEqualTo(Grade.B);
        assertThat(s.reason()).contains("asked for a callback");
    }

    @Test
    void aQuestionWithoutIntentIsACAndSilenceIsAD() {
        InterestScore asked = scorer.score(evidence(30, Set.of(), Set.of("QUESTION"), 0, 1, 2, 1, 0));
        assertThat(asked.grade()).isEqualTo(Grade.C);
        assertThat(asked.score()).isEqualTo(13); // 20 x 30/180 = 3.33 + 5 + 10 x 1/2 = 13.33
        InterestScore silent = scorer.score(evidence(12, Set.of(), Set.of(), 0, 0, 2, 0, 0));
        assertThat(silent.grade()).isEqualTo(Grade.D);
        assertThat(silent.score()).isEqualTo(1);
    }

    @Test
    void notInterestedCapsTheScoreAndTheGradeWhateverElseHappened() {
        InterestScore s = scorer.score(evidence(400, Set.of("NOT_INTERESTED"), Set.of("INTERESTED"), 20, 3, 5, 5, 0));
        assertThat(s.score()).isEqualTo(20);
        assertThat(s.grade()).isEqualTo(Grade.C); // asked questions, but declined: never A or B
    }

    @Test
    void aDoNotCallRequestIsZeroAndNeverReachedSaysSo() {
        LeadEvidence dnc = new LeadEvidence(2, 1, 1, 200, 200, Set.of("SALE"), Set.of(), 0, 0, 0, 0, 0, true);
        assertThat(scorer.score(dnc)).isEqualTo(new InterestScore(0, Grade.D, "asked not to be called"));
        LeadEvidence unreached = new LeadEvidence(3, 0, 0, 0, 0, Set.of(), Set.of(), 0, 0, 0, 0, 0, false);
        assertThat(scorer.score(unreached).reason()).isEqualTo("never reached (3 attempts)");
    }

    @Test
    void aSaleIsTheTopOfTheScaleAndRepeatedEngagementCounts() {
        LeadEvidence twice = new LeadEvidence(3, 2, 2, 100, 150, Set.of("INTERESTED"), Set.of(), 0, 0, 0, 0, 0, false);
        assertThat(scorer.score(twice).score()).isEqualTo(56); // 40 + 20 x 100/180 = 11.1 + 5
        LeadEvidence sold = new LeadEvidence(1, 1, 1, 300, 300, Set.of("SALE"), Set.of(), 0, 0, 0, 0, 0, false);
        assertThat(scorer.score(sold)).extracting(InterestScore::score, InterestScore::grade).containsExactly(100, Grade.A);
    }

    @Test
    void weightsAreConfigurablePerCampaign() {
        GradingWeights strict = GradingWeights.parse("interested=30, longCallSeconds=300\ngradeA=80");
        assertThat(strict.interested()).isEqualTo(30);
        assertThat(strict.longCallSeconds()).isEqualTo(300);
        assertThat(strict.sale()).isEqualTo(100);
        InterestScore s = new InterestScorer(strict).score(evidence(240, Set.of(), Set.of("INTERESTED"), 5, 2, 4, 4, 0));
        assertThat(s.grade()).isEqualTo(Grade.B); // 240 s is no longer a long call
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GradingWeights.parse("charm=5"))
                .hasMessageContaining("charm=5");
    }
}
