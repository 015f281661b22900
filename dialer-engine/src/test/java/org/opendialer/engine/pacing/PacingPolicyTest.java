package org.opendialer.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacingPolicyTest {

    @Test
    void progressiveKeepsOneCallUnderWayPerFreeAgent() {
        Floor floor = new Floor().ready(3).dialling(1, 4);
        assertThat(new ProgressivePolicy(1).callsToPlace(floor)).isEqualTo(2);
        assertThat(new ProgressivePolicy(2).callsToPlace(floor)).isEqualTo(5);
    }

    @Test
    void progressivePlacesNothingWhenEveryAgentIsCovered() {
        Floor floor = new Floor().ready(2).dialling(2, 1);
        floor.waiting = 1;
        assertThat(new ProgressivePolicy(1).callsToPlace(floor)).isZero();
    }

    @Test
    void powerKeepsFixedLinesPerReadyOrTalkingAgent() {
        Floor floor = new Floor().talking(2, 30).ready(3).dialling(4, 2);
        // 1.5 × (3 ready + 2 talking) = 7.5 → 8 lines; 4 dials + 2 connected = 6 in use
        assertThat(new PowerPolicy(1.5).callsToPlace(floor)).isEqualTo(2);
    }

    @Test
    void previewNeverDialsByItself() {
        PreviewPolicy preview = new PreviewPolicy();
        assertThat(preview.callsToPlace(new Floor().ready(10))).isZero();
        assertThat(preview.agentInitiated()).isTrue();
    }

    @Test
    void agentlessFillsFreeRobotPortsWithTheDialsExpectedToAnswer() {
        Floor floor = new Floor();
        PacingSettings tenRobots = new PacingSettings(180, 15, 0.25, 22, 2, 0.03, 0, 5, 10);
        Floor withRobots = new Floor() {
            @Override
            public PacingSettings settings() {
                return tenRobots;
            }
        };
        withRobots.robots = 6;
        // 4 free ports, 25 % answer: 16 dials
        assertThat(new AgentlessPolicy().callsToPlace(withRobots)).isEqualTo(16);
        withRobots.robots = 10;
        assertThat(new AgentlessPolicy().callsToPlace(withRobots)).isZero();
        assertThat(floor.settings().robotCapacity()).isZero();
    }

    @Test
    void predictiveDialsAheadForReadyAgentsButNotForAgentsThatJustStartedLongCalls() {
        Floor allReady = new Floor().ready(10);
        int forReady = new PredictivePolicy().callsToPlace(allReady);
        // 10 free agents, a quarter of dials answer: well over one call per agent, but not reckless
        assertThat(forReady).isBetween(15, 40);

        Floor allBusy = new Floor().talking(10, 1);
        assertThat(new PredictivePolicy().callsToPlace(allBusy)).isZero();
    }

    @Test
    void predictiveExpectsAgentsDeepIntoTheirCallsToBeFreeSoon() {
        Floor justStarted = new Floor().talking(20, 5);
        Floor longRunning = new Floor().talking(20, 110);
        for (Floor floor : new Floor[] {justStarted, longRunning}) {
            for (int i = 0; i < 500; i++) {
                floor.statistics.talkEnded(100 + (i % 21)); // talks last 100-120 s
                floor.statistics.wrapEnded(2, false);        // and wrap-up is quick
            }
        }
        assertThat(new PredictivePolicy().callsToPlace(longRunning))
                .isGreaterThan(new PredictivePolicy().callsToPlace(justStarted));
    }

    @Test
    void predictiveCountsLessOnAgentsWhoOftenPauseAfterACall() {
        Floor alwaysBack = new Floor().talking(20, 110);
        Floor oftenPausing = new Floor().talking(20, 110);
        for (Floor floor : new Floor[] {alwaysBack, oftenPausing}) {
            for (int i = 0; i < 500; i++) {
                floor.statistics.talkEnded(100 + (i % 21));
                floor.statistics.wrapEnded(2, false);
                floor.statistics.leftWrapUp(floor == alwaysBack || i % 3 != 0); // a third take a pause
            }
        }
        assertThat(oftenPausing.statistics.readyAfterWrapShare()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(0.05));
        assertThat(new PredictivePolicy().callsToPlace(oftenPausing))
                .isLessThan(new PredictivePolicy().callsToPlace(alwaysBack));
        // the yardstick's simple predictor does not look at pauses
        assertThat(new BinomialFeedbackPolicy().callsToPlace(oftenPausing))
                .isEqualTo(new BinomialFeedbackPolicy().callsToPlace(alwaysBack));
    }

    @Test
    void predictiveNeverPlacesFewerCallsThanProgressive() {
        Floor floor = new Floor().ready(3).talking(0, 0);
        floor.statistics.dialResolved(10, true);
        assertThat(new PredictivePolicy().callsToPlace(floor)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void predictiveFallsBackToProgressiveOnceTheAbandonAllowanceIsSpent() {
        Floor floor = new Floor().ready(4);
        for (int i = 0; i < 100; i++) {
            floor.governor.liveAnswer();
        }
        for (int i = 0; i < 7; i++) {
            floor.governor.abandoned(null); // 7 % of 100 answers, over 3 % plus the allowance
        }
        assertThat(floor.governor.atCap()).isTrue();
        assertThat(new PredictivePolicy().callsToPlace(floor)).isEqualTo(4);
    }

    @Test
    void theYardsticksSimplePredictorHasNoProgressiveFloor() {
        Floor floor = new Floor().ready(3);
        for (int i = 0; i < 200; i++) {
            floor.statistics.dialResolved(10, i % 10 != 0); // nine dials in ten reach someone
        }
        // three free agents, three dials would each likely answer: the margin says two, the floor says three
        assertThat(new BinomialFeedbackPolicy().callsToPlace(floor)).isLessThan(3);
        assertThat(new PredictivePolicy().callsToPlace(floor)).isGreaterThanOrEqualTo(3);
        assertThat(PacingPolicies.create("bp-feedback", null, null, null).name()).isEqualTo("bp-feedback");
    }

    @Test
    void theAbandonFeedbackMovesWithTheEvidenceAndNotWithTheClock() {
        AbandonFeedback capped = new AbandonFeedback(1.0, 0.967, 0.004, 2, false, true);
        AbandonFeedback uncapped = new AbandonFeedback(1.0, 0.967, 0.004, 1000, false, true);
        Floor floor = new Floor().ready(20);
        capped.update(floor);
        uncapped.update(floor);
        floor.clock.advance(java.time.Duration.ofSeconds(10));
        capped.update(floor); // ten seconds without an answer: nothing learnt, the margin stays
        uncapped.update(floor);
        assertThat(capped.z()).isEqualTo(1.0);
        assertThat(uncapped.z()).isEqualTo(1.0);
        floor.clock.advance(java.time.Duration.ofSeconds(10));
        floor.answered = 10;
        floor.abandoned = 10; // every answer abandoned: widen the margin
        capped.update(floor);
        uncapped.update(floor);
        assertThat(capped.z()).isGreaterThan(1.0);
        // ten answers' worth of evidence, counted as at most two per update
        assertThat(capped.z() - 1.0).isCloseTo((uncapped.z() - 1.0) * 2 / 10, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSmallTeamAimsFurtherUnderTheTargetSinceItsDaysSpreadWider() {
        // the same evidence, 2.8 % abandoned: under the big floor's aim, over the five agents' one (few answers a day
        // spread widely, and each day is judged on its own)
        Floor five = new Floor().ready(5);
        Floor fiveHundred = new Floor().ready(500);
        AbandonFeedback small = PredictivePolicy.feedback();
        AbandonFeedback large = PredictivePolicy.feedback();
        small.update(five);
        large.update(fiveHundred);
        for (Floor floor : List.of(five, fiveHundred)) {
            floor.clock.advance(Duration.ofSeconds(10));
        }
        small.update(five); // the day starts: its team is known once the first half hour's logins are in
        large.update(fiveHundred);
        for (Floor floor : List.of(five, fiveHundred)) {
            floor.clock.advance(Duration.ofMinutes(30));
            floor.answered = 250;
            floor.abandoned = 7;
        }
        small.update(five);
        large.update(fiveHundred);
        assertThat(small.z()).isGreaterThan(PredictivePolicy.INITIAL_Z);
        assertThat(large.z()).isLessThan(PredictivePolicy.INITIAL_Z);
    }

    @Test
    void theFirstBurstOfTheDayIsSizedOnWhatIsKnownAboutTheAnswerShare() {
        Floor fresh = new Floor().ready(25);
        Floor learned = new Floor().ready(25);
        for (int i = 0; i < 400; i++) {
            learned.statistics.dialResolved(10, i % 4 == 0); // 400 dials later the share is still a quarter
        }
        assertThat(learned.statistics.routableProbability()).isCloseTo(fresh.statistics.routableProbability(),
                org.assertj.core.data.Offset.offset(0.01));
        int firstBurst = new PredictivePolicy().callsToPlace(fresh);
        int onceKnown = new PredictivePolicy().callsToPlace(learned);
        // the campaign's 25 % is a guess until dials resolve: a list answering at 40 % would swamp 25 agents
        assertThat(firstBurst).isLessThan(onceKnown);
        assertThat(firstBurst * 0.40).isLessThanOrEqualTo(25 + 5);
        // the yardstick's simple predictor takes the guess at its word
        assertThat(new BinomialFeedbackPolicy().callsToPlace(fresh)).isGreaterThan(firstBurst);
    }

    @Test
    void aFewEarlyDropsDoNotPushTheMarginButAShiftClearlyOverTheAimDoes() {
        AbandonFeedback careful = new AbandonFeedback(1.0, 0.967, 0.004, 0, false, true);
        AbandonFeedback eager = new AbandonFeedback(1.0, 0.967, 0.004, 0, false, false);
        Floor floor = new Floor().ready(20);
        careful.update(floor);
        eager.update(floor);
        floor.clock.advance(Duration.ofSeconds(10));
        floor.answered = 40;
        floor.abandoned = 2; // 5 %: over the 2.9 % aim, but two drops in forty answers is well within chance
        careful.update(floor);
        eager.update(floor);
        assertThat(eager.z()).isGreaterThan(careful.z());
        assertThat(careful.z()).isGreaterThan(1.0); // the moving average alone still leans against the drops

        floor.clock.advance(Duration.ofSeconds(10));
        floor.answered = 400;
        floor.abandoned = 40; // 10 % of 400: no chance explains that, and both push alike
        double carefulBefore = careful.z();
        double eagerBefore = eager.z();
        careful.update(floor);
        eager.update(floor);
        assertThat(careful.z() - carefulBefore).isCloseTo(eager.z() - eagerBefore, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void oracleCountsOnlyAgentsItKnowsWillBeFree() {
        Floor floor = new Floor().talking(10, 30);
        OraclePolicy nobodyFree = new OraclePolicy((agent, at) -> false);
        OraclePolicy everyoneFree = new OraclePolicy((agent, at) -> true);
        assertThat(nobodyFree.callsToPlace(floor)).isZero();
        assertThat(everyoneFree.callsToPlace(floor)).isGreaterThan(10);
    }

    @Test
    void adaptTaperedRaisesItsLevelWhileAgentsSitIdleAndStaysWithinOneToThree() {
        Floor floor = new Floor().ready(10);
        AdaptTaperedPolicy policy = new AdaptTaperedPolicy(LocalTime.of(17, 0), ZoneOffset.UTC);
        assertThat(policy.callsToPlace(floor)).isEqualTo(10); // level 1: one line per agent
        for (int second = 0; second < 120; second++) {
            floor.clock.advance(Duration.ofSeconds(1));
            policy.callsToPlace(floor);
        }
        assertThat(policy.level()).isEqualTo(AdaptTaperedPolicy.MAX_LEVEL);
        assertThat(policy.callsToPlace(floor)).isEqualTo(30);
    }

    @Test
    void adaptTaperedCutsItsLevelWhenTodaysDropRateIsOverTheLimit() {
        Floor floor = new Floor().ready(10);
        AdaptTaperedPolicy policy = new AdaptTaperedPolicy(LocalTime.of(10, 30), ZoneOffset.UTC);
        for (int second = 0; second < 50; second++) {
            floor.clock.advance(Duration.ofSeconds(1));
            policy.callsToPlace(floor);
        }
        double before = policy.level();
        floor.placed = 200;
        for (int i = 0; i < 100; i++) {
            floor.governor.liveAnswer();
        }
        for (int i = 0; i < 10; i++) {
            floor.governor.abandoned(null);
        }
        for (int second = 0; second < 15; second++) {
            floor.clock.advance(Duration.ofSeconds(1));
            policy.callsToPlace(floor);
        }
        assertThat(before).isGreaterThan(1);
        assertThat(policy.level()).isLessThan(before);
    }

    @Test
    void policiesAreNamedAsOnTheCommandLine() {
        assertThat(PacingPolicies.create("power:1.5", null, LocalTime.NOON, ZoneOffset.UTC).name()).isEqualTo("power:1.5");
        assertThat(PacingPolicies.create("predictive", null, LocalTime.NOON, ZoneOffset.UTC)).isInstanceOf(PredictivePolicy.class);
        assertThatThrownBy(() -> PacingPolicies.create("oracle", null, LocalTime.NOON, ZoneOffset.UTC))
                .hasMessageContaining("only in simulation");
        assertThatThrownBy(() -> PacingPolicies.create("ratio:2", null, LocalTime.NOON, ZoneOffset.UTC))
                .hasMessageContaining("unknown pacing policy 'ratio:2'");
        assertThatThrownBy(() -> PacingPolicies.create("power:x", null, LocalTime.NOON, ZoneOffset.UTC))
                .hasMessageContaining("'x' is not a number");
    }
}
