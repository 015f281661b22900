package org.opendialer.speech.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendialer.speech.asr.VoskRecognizer;
import org.opendialer.speech.robot.ConversationResult.Outcome;
import org.opendialer.speech.script.TalkTrack;
import org.opendialer.speech.script.TalkTrackLoader;
import org.opendialer.speech.tts.MaryTtsSynthesizer;
import org.opendialer.speech.tts.PromptCache;

/** Whole conversations through the real loop: MaryTTS speaks both sides, Vosk hears the callee, the script decides. */
class RobotTest {

    private static final Path SCRIPTS = Path.of("../scripts");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 2, 11, 20, 0, 0, ZoneId.of("America/Chicago"));
    private static PromptCache voice;
    private static VoskRecognizer ears;
    private static Robot robot;
    private static final Map<String, String> LEAD = Map.of("first_name", "Maria", "last_name", "Lopez");

    @BeforeAll
    static void start() {
        voice = new PromptCache(new MaryTtsSynthesizer(), null);
        ears = VoskRecognizer.fromConfiguration();
        robot = new Robot(voice, ears);
    }

    @AfterAll
    static void stop() {
        ears.close();
    }

    private static ConversationResult call(String script, String persona) throws Exception {
        TalkTrack track = TalkTrackLoader.load(SCRIPTS.resolve(script));
        return robot.converse(track, new SimulatedCallee(Persona.load(SCRIPTS.resolve("personas").resolve(persona)), voice), LEAD, NOW);
    }

    @Test
    void anEagerCalleeIsTransferredWithABriefingAndTheTranscript() throws Exception {
        ConversationResult r = call("broadband-offer.yaml", "eager.yaml");
        assertThat(r.outcome()).as(r.turns().toString()).isEqualTo(Outcome.TRANSFERRED);
        assertThat(r.turns()).extracting(Turn::node).containsExactly("greeting", "offer", "price", "transfer");
        assertThat(r.turns()).extracting(Turn::intent).startsWith("YES", "ASK_PRICE", "INTERESTED");
        assertThat(r.points()).isEqualTo(1 + 2 + 3);
        assertThat(r.briefing()).startsWith("Maria Lopez is interested in the fibre upgrade").contains("offer: \"how much");
        assertThat(r.turns().get(0).prompt()).startsWith("Hello Maria, this is Anna");
        assertThat(r.turns().get(1).question()).isTrue();
    }

    @Test
    void aBusyCalleeGetsACallbackAtTheTimeTheyAskedInTheirZone() throws Exception {
        ConversationResult r = call("broadband-offer.yaml", "busy.yaml");
        assertThat(r.outcome()).as(r.turns().toString()).isEqualTo(Outcome.CALLBACK);
        assertThat(r.disposition()).isEqualTo("CALLBACK");
        assertThat(r.callbackAt()).isEqualTo(ZonedDateTime.of(2026, 12, 3, 15, 0, 0, 0, ZoneId.of("America/Chicago")));
    }

    @Test
    void aCalleeWhoAsksNotToBeCalledIsRecordedAsDoNotCall() throws Exception {
        ConversationResult r = call("broadband-offer.yaml", "opt-out.yaml");
        assertThat(r.outcome()).as(r.turns().toString()).isEqualTo(Outcome.DNC);
        assertThat(r.disposition()).isEqualTo("DO_NOT_CALL");
    }

    @Test
    void aLapsedCustomerWhoSwitchedIsOfferedTheWinBackAndTransferred() throws Exception {
        ConversationResult r = call("win-back.yaml", "lapsed.yaml");
        assertThat(r.turns()).as(r.turns().toString()).extracting(Turn::intent).contains("SWITCHED_PROVIDER");
        assertThat(r.outcome()).as(r.turns().toString()).isEqualTo(Outcome.TRANSFERRED);
    }

    @Test
    void silenceIsRepromptedThenTheCallEnds() {
        TalkTrack track = TalkTrackLoader.parse("t.yaml", """
                name: t
                start: ask
                nodes:
                  ask:
                    say: "Are you there?"
                    on: {YES: bye}
                    noInput: {say: "Hello?", retries: 1}
                  bye: {action: end, say: "Bye.", disposition: SALE}
                """);
        ConversationResult r = robot.converse(track, new SimulatedCallee(new Persona("mute", Map.of(), "(silence)"), voice),
                LEAD, NOW);
        assertThat(r.outcome()).as(r.turns().toString()).isEqualTo(Outcome.ENDED);
        assertThat(r.disposition()).isEqualTo("NO_ANSWER");
        assertThat(r.turns()).extracting(Turn::prompt).containsExactly("Are you there?", "Hello?");
    }

    @Test
    void aCalleeWhoPicksAPlanInWordsOfTheirOwnIsTransferredToThatPlan() throws Exception {
        ConversationResult r = call("plan-choice.yaml", "plan-picker.yaml");

        assertThat(r.outcome()).as(r.turns().toString()).isEqualTo(Outcome.TRANSFERRED);
        assertThat(r.turns()).extracting(Turn::node).containsExactly("greeting", "plan", "premium");
        assertThat(r.turns().get(1).intent()).isEqualTo("PREMIUM");
        assertThat(r.briefing()).contains("chose the Premium plan");
    }
}
