package org.opendialer.service.robot;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.AgentLineEvent;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.CallEventListener;
import org.opendialer.engine.telephony.OriginateRequest;
import org.opendialer.engine.telephony.Telephony;
import org.opendialer.speech.live.AudioSocketCall;
import org.opendialer.speech.live.LiveAudioChannel;
import org.opendialer.speech.live.RobotMediaServer;
import org.opendialer.speech.robot.ConversationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agentless campaign's Asterisk telephony with the robot behind it. Each call is originated with
 * {@value #UUID_VARIABLE} (the attempt as an AudioSocket UUID); when the engine sends an answered call to the
 * robot, the media server is told to expect it, Asterisk is asked to redirect it to {@code dialer-robot}
 * ({@code AudioSocket()}), and the campaign's talk track runs on the live audio and is recorded as in the
 * simulator. A hot lead becomes the engine's {@link CallEvent.RobotHandoff}: the engine bridges it to a
 * nailed-up agent's conference like any live answer. Any other outcome ends the call. Everything else is
 * Asterisk's.
 */
public final class RobotOnAsterisk implements Telephony {

    /** The channel variable the dialplan passes to {@code AudioSocket()}. */
    public static final String UUID_VARIABLE = "DIALER_ROBOT_UUID";
    private static final Logger LOG = LoggerFactory.getLogger(RobotOnAsterisk.class);

    private final Telephony asterisk;
    private final RobotMediaServer media;
    private final Conversations robot;
    private final DialerClock clock;
    private final Map<AttemptId, OriginateRequest> placed = new ConcurrentHashMap<>();
    private volatile CallEventListener listener = event -> { };

    /** Holds and records one robot conversation with the callee of a request (the campaign's {@link RobotCalls}). */
    @FunctionalInterface
    public interface Conversations {
        ConversationResult talk(OriginateRequest request, org.opendialer.speech.robot.AudioChannel channel);
    }

    public RobotOnAsterisk(Telephony asterisk, RobotMediaServer media, Conversations robot, DialerClock clock) {
        this.asterisk = asterisk;
        this.media = media;
        this.robot = robot;
        this.clock = clock;
    }

    /** The AudioSocket UUID of an attempt: its id in the last group, so Asterisk's logs still show it. */
    public static UUID uuid(AttemptId attempt) {
        return new UUID(0x0000000000004000L, 0x8000000000000000L | attempt.value());
    }

    @Override
    public void setListener(CallEventListener engine) {
        this.listener = engine;
        asterisk.setListener(new CallEventListener() {
            @Override
            public void onEvent(CallEvent event) {
                if (event instanceof CallEvent.CallEnded) {
                    placed.remove(event.attemptId());
                    media.forget(uuid(event.attemptId()));
                }
                engine.onEvent(event);
            }

            @Override
            public void onAgentLine(AgentLineEvent event) {
                engine.onAgentLine(event);
            }
        });
    }

    @Override
    public void originate(OriginateRequest request) {
        Map<String, String> variables = new HashMap<>(request.variables());
        variables.put(UUID_VARIABLE, uuid(request.attemptId()).toString());
        OriginateRequest withUuid = new OriginateRequest(request.attemptId(), request.campaignId(), request.number(),
                request.callerId(), request.ringTimeout(), request.detectMachine(), request.record(), variables);
        placed.put(request.attemptId(), withUuid);
        asterisk.originate(withUuid);
    }

    @Override
    public void sendToRobot(AttemptId attempt) {
        OriginateRequest request = placed.get(attempt);
        if (request == null) {
            LOG.warn("Attempt {} was sent to the robot but was not placed through it; hanging up", attempt.value());
            asterisk.hangup(attempt);
            return;
        }
        media.expect(uuid(attempt), (channel, call) -> converse(request, channel, call));
        asterisk.sendToRobot(attempt);
    }

    private void converse(OriginateRequest request, LiveAudioChannel channel, AudioSocketCall call) {
        // recorded first, so the agent's screen shows the briefing and the turns when the call arrives there
        ConversationResult result = robot.talk(request, channel);
        if (result.outcome() == ConversationResult.Outcome.TRANSFERRED && !channel.hungUp()) {
            // the callee waits in AudioSocket() (silence) until the engine redirects them to an agent's conference
            listener.onEvent(new CallEvent.RobotHandoff(request.attemptId(), clock.now()));
        } else {
            call.hangup();
        }
    }

    @Override
    public boolean connectAgent(AgentEndpoint agent) {
        return asterisk.connectAgent(agent);
    }

    @Override
    public void disconnectAgent(long agentId) {
        asterisk.disconnectAgent(agentId);
    }

    @Override
    public void bridge(AttemptId attempt, AgentEndpoint agent) {
        asterisk.bridge(attempt, agent);
    }

    @Override
    public void playSafeHarbourAndHangup(AttemptId attempt) {
        asterisk.playSafeHarbourAndHangup(attempt);
    }

    @Override
    public void leaveMessageAndHangup(AttemptId attempt) {
        asterisk.leaveMessageAndHangup(attempt);
    }

    @Override
    public void hangup(AttemptId attempt) {
        asterisk.hangup(attempt);
    }

    /** A hot lead an agent took from the robot is transferred as any other call on Asterisk. */
    @Override
    public void transfer(AttemptId attempt, org.opendialer.engine.call.PhoneNumber to) {
        asterisk.transfer(attempt, to);
    }

    @Override
    public int freeLines() {
        return asterisk.freeLines();
    }

    @Override
    public void close() {
        asterisk.close();
    }
}
