package org.opendialer.speech.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendialer.speech.Audio;
import org.opendialer.speech.asr.VoskRecognizer;
import org.opendialer.speech.robot.ConversationResult;
import org.opendialer.speech.robot.Robot;
import org.opendialer.speech.script.TalkTrackLoader;
import org.opendialer.speech.tts.MaryTtsSynthesizer;
import org.opendialer.speech.tts.PromptCache;

/**
 * The robot's FastAGI server against a scripted Asterisk: a loopback client that speaks the AGI protocol,
 * plays the prompt files it is told to, and "records" the callee by writing synthesised answers where
 * RECORD FILE asks for them.
 */
class RobotAgiServerTest {

    private static final Pattern ARGS = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    private static PromptCache voice;
    private static VoskRecognizer ears;

    @TempDir
    Path sounds;

    @BeforeAll
    static void start() {
        voice = new PromptCache(new MaryTtsSynthesizer(), null);
        ears = VoskRecognizer.fromConfiguration();
    }

    @AfterAll
    static void stop() {
        ears.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aCallSentToTheRobotIsConvertedAndItsOutcomeLeftForTheDialplan() throws Exception {
        int port = freePort();
        BlockingQueue<RobotAgiServer.Finished> finished = new ArrayBlockingQueue<>(1);
        var track = TalkTrackLoader.load(Path.of("../scripts/broadband-offer.yaml"));
        try (RobotAgiServer server = new RobotAgiServer(port, sounds, new Robot(voice, ears), campaign -> track, finished::add)) {
            Map<String, String> variables = Map.of("CAMPAIGN_ID", "7", "ATTEMPT_ID", "70", "LEAD_ID", "700", "FIRST_NAME", "Maria",
                    "TIME_ZONE", "America/Chicago");
            Deque<String> answers = new ArrayDeque<>(List.of("yes sure go ahead", "how much does it cost", "sounds good I am interested"));
            Map<String, String> set = new HashMap<>();
            List<String> commands = new ArrayList<>();
            int played = 0;
            // the server may still be opening its port: connect as soon as it listens
            Socket socket = await().atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(50))
                    .ignoreException(java.net.ConnectException.class).until(() -> new Socket("127.0.0.1", port), s -> s != null);
            try (Socket asterisk = socket;
                 BufferedReader in = new BufferedReader(new InputStreamReader(asterisk.getInputStream(), StandardCharsets.US_ASCII));
                 Writer out = new OutputStreamWriter(asterisk.getOutputStream(), StandardCharsets.US_ASCII)) {
                out.write("agi_network: yes\nagi_network_script: robot\nagi_request: agi://127.0.0.1/robot\n"
                        + "agi_channel: PJSIP/trunk-00000001\nagi_uniqueid: 1700000000.1\nagi_callerid: 13125550100\n\n");
                out.flush();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    commands.add(line);
                    List<String> args = new ArrayList<>();
                    Matcher m = ARGS.matcher(line);
                    while (m.find()) {
                        args.add(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                    String command = (args.get(0) + " " + (args.size() > 1 ? args.get(1) : "")).toUpperCase();
                    String reply;
                    if (command.startsWith("ANSWER")) {
                        reply = "200 result=0";
                    } else if (command.equals("GET VARIABLE")) {
                        String value = variables.get(args.get(2));
                        reply = value == null ? "200 result=0" : "200 result=1 (" + value + ")";
                    } else if (command.equals("STREAM FILE")) {
                        assertThat(Path.of(args.get(2) + ".wav")).as("prompt file to play").exists();
                        played++;
                        reply = "200 result=0 endpos=8000";
                    } else if (command.equals("RECORD FILE")) {
                        String said = answers.isEmpty() ? "" : answers.poll();
                        Audio answer = said.isEmpty() ? new Audio(new byte[16000], Audio.TELEPHONE) : voice.speak(said, Audio.TELEPHONE);
                        WavFiles.write(answer.withSilence(0.5), Path.of(args.get(2) + "." + args.get(3)));
                        reply = "200 result=0 (timeout) endpos=" + answer.samples();
                    } else if (command.equals("SET VARIABLE")) {
                        set.put(args.get(2), args.get(3));
                        reply = "200 result=1";
                    } else {
                        reply = "200 result=0";
                    }
                    out.write(reply + "\n");
                    out.flush();
                }
            }
            RobotAgiServer.Finished done = finished.poll(30, TimeUnit.SECONDS);
            assertThat(done).isNotNull();
            assertThat(done.attemptId()).isEqualTo(70);
            assertThat(done.result().outcome()).as(done.result().turns().toString()).isEqualTo(ConversationResult.Outcome.TRANSFERRED);
            assertThat(set).containsEntry("ROBOT_OUTCOME", "TRANSFERRED").containsEntry("ROBOT_TRANSFER", "1")
                    .containsEntry("ROBOT_DISPOSITION", "INTERESTED");
            assertThat(played).isEqualTo(4);
            assertThat(commands.get(0)).isEqualTo("GET VARIABLE \"CAMPAIGN_ID\"");
            try (var left = Files.list(sounds)) {
                assertThat(left).as("prompt and answer files cleaned up").isEmpty();
            }
        }
    }
}
