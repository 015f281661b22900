package org.opendialer.service.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.CallEventListener;
import org.opendialer.engine.telephony.OriginateRequest;
import org.opendialer.engine.telephony.Telephony;
import org.opendialer.speech.Audio;
import org.opendialer.speech.asr.Recognition;
import org.opendialer.speech.live.AudioSocketFrame;
import org.opendialer.speech.live.RobotMediaServer;
import org.opendialer.speech.live.TurnTaking;
import org.opendialer.speech.robot.ConversationResult;
import org.opendialer.speech.robot.ConversationResult.Outcome;

/**
 * The robot behind Asterisk telephony, with a loopback AudioSocket client in Asterisk's place: calls are
 * originated with their UUID, a call sent to the robot is expected by the media server, a hot lead becomes the
 * engine's handoff while the line stays open, any other outcome hangs up.
 */
class RobotOnAsteriskTest {

    /** Asterisk as the decorator sees it: what it was asked to do. */
    private static final class RecordingTelephony implements Telephony {
        final List<OriginateRequest> originated = new CopyOnWriteArrayList<>();
        final List<String> asked = new CopyOnWriteArrayList<>();
        CallEventListener listener;

        @Override public void setListener(CallEventListener listener) { this.listener = listener; }
        @Override public void originate(OriginateRequest request) { originated.add(request); }
        @Override public boolean connectAgent(AgentEndpoint agent) { return false; }
        @Override public void disconnectAgent(long agentId) { }
        @Override public void bridge(AttemptId attempt, AgentEndpoint agent) { asked.add("bridge " + attempt.value()); }
        @Override public void sendToRobot(AttemptId attempt) { asked.add("robot " + attempt.value()); }
        @Override public void playSafeHarbourAndHangup(AttemptId attempt) { }
        @Override public void leaveMessageAndHangup(AttemptId attempt) { }
        @Override public void hangup(AttemptId attempt) { asked.add("hangup " + attempt.value()); }
        @Override public void transfer(AttemptId attempt, org.opendialer.engine.call.PhoneNumber to) {
            asked.add("transfer " + attempt.value() + " to " + to.e164());
        }
        @Override public int freeLines() { return 10; }
    }

    private final RecordingTelephony asterisk = new RecordingTelephony();
    private final LinkedBlockingQueue<CallEvent> engine = new LinkedBlockingQueue<>();
    private final RobotMediaServer media;
    private final RobotOnAsterisk robot;

    RobotOnAsteriskTest() throws Exception {
        media = new RobotMediaServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Set.of(InetAddress.getLoopbackAddress()),
                () -> (audio, phrases) -> new Recognition("", 0, 0), TurnTaking.DEFAULT);
        // attempt 1 is a hot lead, the others say no; each conversation plays a short prompt first
        robot = new RobotOnAsterisk(asterisk, media, (request, channel) -> {
            channel.play(new Audio(new byte[1600], Audio.TELEPHONE));
            return request.attemptId().value() == 1
                    ? new ConversationResult(Outcome.TRANSFERRED, "INTERESTED", null, "Hot lead.", List.of(), 3)
                    : new ConversationResult(Outcome.ENDED, "NOT_INTERESTED", null, null, List.of(), 0);
        }, new SimulatedClock(Instant.parse("2026-12-03T10:00:00Z")));
        robot.setListener(engine::add);
    }

    @AfterEach
    void stop() {
        media.close();
    }

    private static OriginateRequest call(long attempt) {
        return new OriginateRequest(new AttemptId(attempt), new CampaignId(7), new PhoneNumber("+14155550181"), "100",
                Duration.ofSeconds(30), false, false, Map.of("FIRST_NAME", "Maria"));
    }

    private Socket asteriskConnects(long attempt) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), media.port());
        socket.setSoTimeout(5000);
        AudioSocketFrame.uuid(RobotOnAsterisk.uuid(new AttemptId(attempt))).write(socket.getOutputStream());
        return socket;
    }

    @Test
    void aCallIsOriginatedWithItsUuidAndAnAnsweredOneGoesToTheRobotsContext() {
        robot.originate(call(42));
        robot.sendToRobot(new AttemptId(42));

        assertThat(asterisk.originated).singleElement().satisfies(r -> assertThat(r.variables())
                .containsEntry("DIALER_ROBOT_UUID", "00000000-0000-4000-8000-00000000002a").containsEntry("FIRST_NAME", "Maria"));
        assertThat(asterisk.asked).containsExactly("robot 42");
    }

    @Test
    void aHotLeadIsHandedToTheEngineAndTheLineStaysOpenForTheAgent() throws Exception {
        robot.originate(call(1));
        robot.sendToRobot(new AttemptId(1));
        try (Socket line = asteriskConnects(1)) {
            CallEvent handoff = engine.poll(10, TimeUnit.SECONDS);
            assertThat(handoff).isInstanceOf(CallEvent.RobotHandoff.class);
            assertThat(handoff.attemptId()).isEqualTo(new AttemptId(1));
            // the prompt, then silence while the engine finds the agent: no hangup
            DataInputStream in = new DataInputStream(line.getInputStream());
            for (int i = 0; i < 20; i++) {
                assertThat(AudioSocketFrame.read(in).kind()).isEqualTo(AudioSocketFrame.Kind.AUDIO);
            }
        }
        assertThat(asterisk.asked).containsExactly("robot 1");
    }

    @Test
    void anyOtherOutcomeHangsUp() throws Exception {
        robot.originate(call(2));
        robot.sendToRobot(new AttemptId(2));
        try (Socket line = asteriskConnects(2)) {
            DataInputStream in = new DataInputStream(line.getInputStream());
            AudioSocketFrame frame = AudioSocketFrame.read(in);
            while (frame != null && frame.kind() == AudioSocketFrame.Kind.AUDIO) {
                frame = AudioSocketFrame.read(in);
            }
            assertThat(frame).isNotNull();
            assertThat(frame.kind()).isEqualTo(AudioSocketFrame.Kind.HANGUP);
        }
        assertThat(engine).isEmpty();
    }

    @Test
    void aCallThatEndedBeforeReachingTheRobotIsNotTakenAndOneNeverPlacedIsHungUp() throws Exception {
        robot.originate(call(3));
        robot.sendToRobot(new AttemptId(3));
        asterisk.listener.onEvent(new CallEvent.CallEnded(new AttemptId(3), Instant.now(), CallResult.HUMAN, 16, "Normal Clearing"));
        assertThat(engine.poll(1, TimeUnit.SECONDS)).isInstanceOf(CallEvent.CallEnded.class);
        try (Socket late = asteriskConnects(3)) {
            assertThat(AudioSocketFrame.read(new DataInputStream(late.getInputStream())).kind()).isEqualTo(AudioSocketFrame.Kind.HANGUP);
        }

        robot.sendToRobot(new AttemptId(99));
        assertThat(asterisk.asked).containsExactly("robot 3", "hangup 99");
    }

    @Test
    void aHotLeadAnAgentTookIsTransferredOnAsterisk() {
        robot.transfer(new AttemptId(7), new org.opendialer.engine.call.PhoneNumber("+12125550199"));
        assertThat(asterisk.asked).containsExactly("transfer 7 to +12125550199");
    }
}
