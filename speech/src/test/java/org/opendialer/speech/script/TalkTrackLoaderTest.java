package org.opendialer.speech.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TalkTrackLoaderTest {

    @Test
    void theSampleScriptsAreValid() throws Exception {
        for (String name : List.of("broadband-offer.yaml", "win-back.yaml", "plan-choice.yaml")) {
            TalkTrack track = TalkTrackLoader.load(Path.of("../scripts", name));
            assertThat(track.nodes()).isNotEmpty();
            assertThat(TalkTrackLoader.problems(Files.readString(Path.of("../scripts", name)))).isEmpty();
        }
    }

    @Test
    void onYesAndNoAreWordsAndANodeGivenTwiceIsAProblemNotASilentOverride() {
        String track = """
                name: twice
                start: hello
                nodes:
                  hello:
                    say: "Hi"
                    on: {YES: bye, NO: bye}
                  bye:
                    action: end
                    say: "Bye"
                """;
        assertThat(TalkTrackLoader.problems(track)).isEmpty();

        List<ScriptProblem> problems = TalkTrackLoader.problems(track + """
                  hello:
                    say: "Hello again"
                    on: {YES: bye}
                """);
        assertThat(problems).singleElement().extracting(ScriptProblem::toString).asString()
                .contains("not valid YAML").contains("hello");
    }

    @Test
    void everyProblemIsReportedWithItsNode() {
        List<ScriptProblem> problems = TalkTrackLoader.problems("""
                name: broken
                start: hello
                nodes:
                  hello:
                    say: "Hi"
                    on: {YES: pitch, MAYBE: pitch, NO: nowhere}
                  pitch:
                    on: {YES: hello}
                  orphan:
                    action: end
                    say: "Bye"
                  callback:
                    action: callback
                    say: "When?"
                """);
        assertThat(problems).extracting(ScriptProblem::toString).contains(
                "hello: unknown intent 'MAYBE'",
                "hello: goes to unknown node 'nowhere'",
                "pitch: missing prompt (say)",
                "orphan: unreachable: no path from 'hello' leads here",
                "callback: a callback node needs 'next' (where to go once the time is booked)",
                "hello: loop with no exit: no path from here reaches an end, transfer or dnc node");
    }

    @Test
    void aPromptTooLongToSpeakAndNumbersThatAreNotNumbersAreProblemsOfTheirNode() {
        String speech = "x".repeat(TalkTrackLoader.MAX_PROMPT + 1);
        List<ScriptProblem> problems = TalkTrackLoader.problems("""
                name: wordy
                start: hello
                nodes:
                  hello:
                    say: "%s"
                    listen: soon
                    noInput: {say: "Hello?", retries: many, next: bye}
                    on: {YES: bye}
                  bye:
                    action: end
                    say: "Bye"
                    briefing: "%s"
                """.formatted(speech, speech));
        assertThat(problems).extracting(ScriptProblem::toString).containsExactlyInAnyOrder(
                "hello: say is longer than 1000 characters",
                "hello: listen (seconds) must be a number from 0.5 to 60",
                "hello: noInput retries must be a number from 0 to 10",
                "bye: briefing is longer than 1000 characters");
    }

    @Test
    void aNodeDeclaresItsOwnIntentsWithExampleAnswers() throws Exception {
        TalkTrack track = TalkTrackLoader.load(Path.of("../scripts", "plan-choice.yaml"));

        Node plan = track.node("plan");

        assertThat(plan.intents()).containsKeys("BASIC", "PREMIUM");
        assertThat(plan.intents().get("BASIC")).contains("the cheaper plan");
        assertThat(plan.on()).containsEntry("PREMIUM", "premium");
        assertThat(plan.points()).containsEntry("PREMIUM", 4);
        assertThat(track.node("greeting").intents()).isEmpty();
    }

    @Test
    void aNodesIntentsAreValidatedWithTheNode() {
        List<ScriptProblem> problems = TalkTrackLoader.problems("""
                name: plans
                start: plan
                nodes:
                  plan:
                    say: "Basic or premium?"
                    intents:
                      BASIC: ["the basic one", "the cheap one"]
                      PREMIUM: ["the fast one", "the cheap one"]
                      GOLD: []
                      "two words": ["gold"]
                      UNUSED: ["whatever you think"]
                    on: {BASIC: bye, PREMIUM: bye, GOLD: bye, TWO WORDS: bye, PLATINUM: bye}
                  bye:
                    action: end
                    say: "Bye"
                    intents: {YES: ["sure"]}
                """);
        assertThat(problems).extracting(ScriptProblem::toString).containsExactlyInAnyOrder(
                "plan: example 'the cheap one' is given for both BASIC and PREMIUM",
                "plan: intent GOLD has no example answers",
                "plan: intent name 'two words' must be letters, digits and _ (starting with a letter, at most 32 characters, not NO_MATCH)",
                "plan: declares intent UNUSED but 'on' does not say where it leads",
                "plan: unknown intent 'PLATINUM'",
                "bye: only an ask node has intents of its own (this one is end)");
    }

    @Test
    void placeholdersAreFilledFromTheLead() {
        assertThat(TalkTrack.fill("Hello {first_name}, about your {plan} plan.", Map.of("first_name", "Wei", "plan", "Fiber 300")))
                .isEqualTo("Hello Wei, about your Fiber 300 plan.");
        assertThat(TalkTrack.fill("Hello {first_name}, how are you?", Map.of())).isEqualTo("Hello, how are you?");
    }
}
