package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendialer.engine.asterisk.RealAsterisk;
import org.opendialer.service.robot.RobotMedia;
import org.opendialer.service.robot.SpeechEngines;
import org.opendialer.speech.live.TurnTimings;
import org.opendialer.speech.robot.ConversationResult;
import org.opendialer.speech.robot.Persona;
import org.opendialer.speech.robot.SimulatedCallee;
import org.opendialer.speech.robot.Turn;
import org.opendialer.speech.script.TalkTrack;
import org.opendialer.speech.script.TalkTrackLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agentless campaign run by {@code serve} on a real Asterisk 22: SIPp callees answer the robot with recorded
 * speech (the personas' answers, synthesised, timed along the conversation: the first one over the greeting),
 * the robot hears them over AudioSocket, tags their intents, and the outcome of every call is the one the
 * simulated loop gives for the same persona: the eager callee is handed to the nailed-up SIPp agent with the
 * briefing, the busy one books a callback, the one who opts out is on the do-not-call list; every turn is stored.
 */
class RobotOnAsteriskRealIT {

    static final int MEDIA_PORT = freePort();
    /**
     * Prompts rendered for the simulated conversations are the ones serve plays, kept between runs in target/ (MaryTTS
     * takes seconds per prompt on a busy machine; the cache is keyed by voice, rate and text).
     */
    static final Path PROMPTS = Path.of("target", "robot-prompts").toAbsolutePath();

    /** Dialled number → the persona behind it (the callee scenario plays robot-N.ulaw for 1415555018N). */
    static final Map<String, String> CALLEES = new LinkedHashMap<>();
    private static final TalkTrack TRACK;
    /** What the simulated loop made of each persona: the live calls must come to the same. */
    static final Map<String, ConversationResult> SIMULATED = new LinkedHashMap<>();

    static {
        CALLEES.put("+14155550181", "eager");
        CALLEES.put("+14155550182", "opt-out");
        CALLEES.put("+14155550183", "busy");
        try {
            TRACK = TalkTrackLoader.parse("broadband-offer.yaml", Files.readString(script("broadband-offer.yaml")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @RegisterExtension
    static final RealAsterisk ASTERISK = new RealAsterisk(Map.of("DIALER_ROBOT_AUDIOSOCKET", "127.0.0.1:" + MEDIA_PORT),
            RobotOnAsteriskRealIT::recordCallees);

    /** The simulated conversation with each persona (side by side: one robot serves many), and the SIPp callee's recording along it. */
    static void recordCallees(Path sipp) {
        try (SpeechEngines speech = new SpeechEngines(PROMPTS)) {
            Map<String, String> lead = Map.of("first_name", "Maria", "last_name", "Lopez");
            speech.robot().prepare(TRACK);
            Map<String, java.util.concurrent.CompletableFuture<ConversationResult>> talks = new LinkedHashMap<>();
            for (Map.Entry<String, String> callee : CALLEES.entrySet()) {
                Persona persona = Persona.load(script("personas/" + callee.getValue() + ".yaml"));
                talks.put(callee.getKey(), java.util.concurrent.CompletableFuture.supplyAsync(() -> speech.robot().converse(TRACK,
                        new SimulatedCallee(persona, speech.voice()), lead, ZonedDateTime.now())));
            }
            int n = 1;
            for (Map.Entry<String, String> callee : CALLEES.entrySet()) {
                Persona persona = Persona.load(script("personas/" + callee.getValue() + ".yaml"));
                ConversationResult result = talks.get(callee.getKey()).join();
                SIMULATED.put(callee.getKey(), result);
                Files.write(sipp.resolve("robot-" + n++ + ".ulaw"), RecordedCallee.ulaw(persona, result.turns(), speech.voice()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anAgentlessCampaignTalksToLiveCalleesTagsThemAndHandsTheHotLeadToTheAgent() throws Exception {
        String yaml = Files.readString(script("broadband-offer.yaml"));
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:robot" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0", "--dialer.robot.media.port=" + MEDIA_PORT,
                "--dialer.prompts=" + PROMPTS,
                "--dialer.asterisk.servers=pbx1=dialer:" + RealAsterisk.SECRET + "@127.0.0.1:" + ASTERISK.server(20).port()
                        + "/20/PJSIP/{number}@trunk1");
        try (ConfigurableApplicationContext context = serve.start()) {
            Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            RobotMedia media = context.getBean(RobotMedia.class);
            assertThat(media.server()).as("serve started the robot's media server").isPresent();

            long scriptId = api.post("/api/scripts", yaml, "application/yaml").json().get("id").asLong();
            long campaign = api.post("/api/campaigns", """
                    {"name": "robot on asterisk", "mode": "AGENTLESS", "telephony": "ASTERISK", "robotPorts": 5, "scriptId": %d,
                     "windowStart": "00:00", "windowEnd": "23:59", "reportZone": "UTC"}""".formatted(scriptId)).json().get("id").asLong();
            Timestamp now = Timestamp.from(Instant.now());
            for (String phone : CALLEES.keySet()) {
                jdbc.update("INSERT INTO leads (campaign_id, phone_e164, first_name, last_name, time_zone, created_at, updated_at) "
                        + "VALUES (?, ?, 'Maria', 'Lopez', 'UTC', ?, ?)", campaign, phone, now, now);
            }
            long agent = api.post("/api/users", "{\"username\": \"ann\", \"password\": \"long-enough\", \"role\": \"AGENT\", "
                    + "\"phoneEndpoint\": \"PJSIP/" + RealAsterisk.AGENTS.get(0) + "\"}").json().get("id").asLong();
            Api.Reply started = api.post("/api/campaigns/" + campaign + "/start", null);
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            api.post("/api/agents/" + agent + "/login", "{\"campaignId\": " + campaign + "}");
            api.post("/api/agents/" + agent + "/ready", null);

            Awaitility.await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(500)).until(() ->
                    jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts a JOIN leads l ON l.id = a.lead_id WHERE "
                            + "(l.phone_e164 = '+14155550181' AND a.state = 'BRIDGED') OR (l.phone_e164 <> '+14155550181' AND a.state = 'ENDED' "
                            + "AND a.disposition_code IS NOT NULL)", Integer.class) == 3);

            for (Map.Entry<String, ConversationResult> expected : SIMULATED.entrySet()) {
                String phone = expected.getKey();
                Map<String, Object> attempt = jdbc.queryForMap("SELECT a.id, a.disposition_code, a.notes, a.agent_id FROM call_attempts a "
                        + "JOIN leads l ON l.id = a.lead_id WHERE l.phone_e164 = ?", phone);
                List<Map<String, Object>> turns = jdbc.queryForList("SELECT node_id, intent, transcript FROM conversation_turns "
                        + "WHERE attempt_id = ? ORDER BY turn_no", attempt.get("id"));
                System.out.println(phone + " (" + CALLEES.get(phone) + "): " + turns);
                assertThat(turns).as("the live turns of %s", CALLEES.get(phone)).extracting(t -> t.get("node_id") + " " + t.get("intent"))
                        .containsExactlyElementsOf(expected.getValue().turns().stream().map(RobotOnAsteriskRealIT::nodeAndIntent).toList());
            }
            Map<String, Object> hot = attempt(jdbc, "+14155550181");
            assertThat(hot.get("disposition_code")).isEqualTo("INTERESTED");
            assertThat(((Number) hot.get("agent_id")).longValue()).as("the hot lead went to the nailed-up agent").isEqualTo(agent);
            assertThat((String) hot.get("notes")).startsWith("Maria Lopez is interested in the fibre upgrade").contains("(ASK_PRICE)");
            assertThat(attempt(jdbc, "+14155550182").get("disposition_code")).isEqualTo("DO_NOT_CALL");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dnc_numbers WHERE phone_e164 = '+14155550182'", Integer.class)).isOne();
            assertThat(attempt(jdbc, "+14155550183").get("disposition_code")).isEqualTo("CALLBACK");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM callbacks c JOIN leads l ON l.id = c.lead_id "
                    + "WHERE l.phone_e164 = '+14155550183' AND c.status = 'PENDING' AND c.attempt_id IS NOT NULL", Integer.class)).isOne();
            assertThat(ASTERISK.events().all()).as("no Asterisk queue").noneMatch(e -> "Queue".equals(e.get("Application")));

            TurnTimings timings = media.server().get().timings();
            assertThat(timings.bargeInMillis()).as("the eager callee spoke over the greeting").isNotEmpty();
            assertThat(timings.replyMillis()).isNotEmpty();
            System.out.printf("robot on Asterisk: end of speech -> reply p50 %d ms, p95 %d ms (%d turns); barge-in -> prompt stopped "
                            + "p95 %d ms (%d)%n", TurnTimings.percentile(timings.replyMillis(), 50), TurnTimings.percentile(timings.replyMillis(), 95),
                    timings.replyMillis().size(), TurnTimings.percentile(timings.bargeInMillis(), 95), timings.bargeInMillis().size());
            api.post("/api/campaigns/" + campaign + "/stop", null);
        }
    }

    private static Map<String, Object> attempt(JdbcTemplate jdbc, String phone) {
        return jdbc.queryForMap("SELECT a.disposition_code, a.notes, a.agent_id FROM call_attempts a JOIN leads l ON l.id = a.lead_id "
                + "WHERE l.phone_e164 = ?", phone);
    }

    static String nodeAndIntent(Turn turn) {
        return turn.node() + " " + turn.intent();
    }

    static Path script(String name) {
        Path path = Path.of("scripts", name);
        return Files.exists(path) ? path : Path.of("..", "scripts", name);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
