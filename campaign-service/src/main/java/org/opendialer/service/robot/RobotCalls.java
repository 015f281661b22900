package org.opendialer.service.robot;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.telephony.OriginateRequest;
import org.opendialer.engine.telephony.RobotLine;
import org.opendialer.service.disposition.DispositionRequest;
import org.opendialer.service.disposition.DispositionService;
import org.opendialer.speech.Audio;
import org.opendialer.speech.robot.AudioChannel;
import org.opendialer.speech.robot.ConversationResult;
import org.opendialer.speech.robot.Persona;
import org.opendialer.speech.robot.SimulatedCallee;
import org.opendialer.speech.robot.Turn;
import org.opendialer.speech.script.TalkTrack;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Robot calls of an agentless campaign on the simulated PBX: each answered call is a real conversation of the
 * campaign's talk track with a simulated callee (a persona, picked per attempt), through MaryTTS and Vosk.
 * Every turn is stored in {@code conversation_turns}; the outcome becomes the attempt's disposition (a
 * do-not-call request reaches the DNC list, a callback is booked at the time asked for, a hot lead is
 * recorded as interested with the robot's briefing in the attempt's notes, and handed to a ready agent).
 */
public final class RobotCalls implements RobotLine {

    static final Persona MACHINE = new Persona("answering machine", Map.of(),
            "hi you have reached the voicemail please leave a message after the tone");
    private static final double SECONDS_PER_ANSWER = 2.5;

    private final SpeechEngines speech;
    private final TalkTrack track;
    private final List<Persona> personas;
    private final JdbcTemplate jdbc;
    private final DispositionService dispositions;
    private final DialerClock clock;

    /** @param personas the simulated callees (none: this campaign only talks to live callees) */
    public RobotCalls(SpeechEngines speech, TalkTrack track, List<Persona> personas, JdbcTemplate jdbc,
                      DispositionService dispositions, DialerClock clock) {
        this.speech = speech;
        this.track = track;
        this.personas = List.copyOf(personas);
        this.jdbc = jdbc;
        this.dispositions = dispositions;
        this.clock = clock;
    }

    @Override
    public Talk converse(OriginateRequest request, boolean machine) {
        if (personas.isEmpty()) {
            throw new IllegalStateException("robot calls on the simulated PBX need at least one simulated callee persona (dialer.personas)");
        }
        long attempt = request.attemptId().value();
        Persona callee = machine ? MACHINE : personas.get((int) Math.floorMod(attempt * 0x9E3779B97F4A7C15L >>> 7, personas.size()));
        Spoken spoken = talk(request, new SimulatedCallee(callee, speech.voice()));
        return new Talk(spoken.seconds(), spoken.result().outcome() == ConversationResult.Outcome.TRANSFERRED);
    }

    /** A conversation held and recorded: what came of it and how long it lasted (simulated: as it would have on the line). */
    public record Spoken(ConversationResult result, double seconds) {
    }

    /**
     * Holds the campaign's talk track with the callee of {@code request} over {@code channel} (a simulated callee,
     * or a live call's audio) and records it the same way for both: every turn, the disposition, the callback,
     * the do-not-call request, the hot lead's briefing, and the lead's grade.
     */
    public Spoken talk(OriginateRequest request, AudioChannel channel) {
        long attempt = request.attemptId().value();
        Map<String, String> vars = request.variables();
        Map<String, String> lead = new HashMap<>();
        vars.forEach((k, v) -> lead.put(k.toLowerCase(), v));
        ZoneId zone = ZoneId.of(vars.getOrDefault("TIME_ZONE", "UTC"));
        Instant started = clock.now();
        ConversationResult result = speech.robot().converse(track, channel, lead, started.atZone(zone));
        long leadId = Long.parseLong(vars.getOrDefault("LEAD_ID", "0"));
        double seconds = store(attempt, leadId, started, result);
        settle(attempt, result);
        regrade(request.campaignId().value(), leadId, started.atZone(zone).toLocalDate());
        return new Spoken(result, seconds);
    }

    /** Stores the turns, timed as they would have happened on the line; returns the conversation's length. */
    private double store(long attempt, long lead, Instant started, ConversationResult result) {
        double at = 0;
        for (Turn t : result.turns()) {
            double prompt = speech.voice().speak(t.prompt(), Audio.TELEPHONE).seconds();
            double answer = t.heard() == null ? 0 : SECONDS_PER_ANSWER;
            Instant begin = started.plusMillis(Math.round(at * 1000));
            at += prompt + answer;
            jdbc.update("INSERT INTO conversation_turns (attempt_id, lead_id, turn_no, node_id, prompt, transcript, intent, confidence, "
                            + "points, is_question, started_at, ended_at, listen_ms, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    attempt, lead, t.no(), t.node(), t.prompt(), t.heard(), t.intent(), t.confidence(), t.points(), t.question(),
                    Timestamp.from(begin), Timestamp.from(started.plusMillis(Math.round(at * 1000))),
                    t.heard() == null ? null : (int) (answer * 1000), (int) t.latencyMillis());
        }
        return Math.max(1, at);
    }

    /** What the callee just said counts at once: the lead's score, grade and customer status are stored again. */
    private void regrade(long campaignId, long lead, java.time.LocalDate today) {
        try {
            String weights = jdbc.queryForObject("SELECT grading_weights FROM campaigns WHERE id = ?", String.class, campaignId);
            org.opendialer.reports.ranking.LeadGrades.forCampaign(jdbc.getDataSource(), weights, today).persistLead(campaignId, lead);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not grade lead " + lead + " after its robot call: " + e.getMessage(), e);
        }
    }

    private void settle(long attempt, ConversationResult result) {
        switch (result.outcome()) {
            case DNC -> dispositions.dispose(attempt, new DispositionRequest("DO_NOT_CALL", "asked the robot not to be called", null, null, null));
            case CALLBACK -> dispositions.dispose(attempt, new DispositionRequest("CALLBACK", "booked with the robot",
                    result.callbackAt().toOffsetDateTime().toString(), false, null));
            case TRANSFERRED -> dispositions.dispose(attempt, new DispositionRequest("INTERESTED", result.briefing(), null, null, null));
            case ENDED -> {
                if (List.of("NOT_INTERESTED", "WRONG_NUMBER", "SALE", "INTERESTED").contains(result.disposition())) {
                    dispositions.dispose(attempt, new DispositionRequest(result.disposition(), "robot", null, null, null));
                }
            }
            default -> {
                // hung up, machine: the attempt's result decides the retry
            }
        }
    }
}
