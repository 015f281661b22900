package org.opendialer.engine.simulation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CallResult;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.CallEventListener;
import org.opendialer.engine.telephony.OriginateRequest;
import org.opendialer.engine.telephony.Telephony;

/**
 * A PBX in simulated (or real) time: places calls on a fixed number of trunk lines and plays each
 * callee as its {@link CalleeModel} says, with the same events, hangup causes and answering-machine
 * detection delays as the Asterisk adapter reports. Used by the simulator, the demo and tests.
 */
public final class SimulatedPbx implements Telephony {

    /** Detection listens this long into a live answer before saying HUMAN (Asterisk AMD's typical). */
    static final double AMD_HUMAN_SECONDS = 2.0;
    static final double AMD_MACHINE_SECONDS = 3.0;
    private static final double SAFE_HARBOUR_SECONDS = 1.0;
    private static final double MESSAGE_SECONDS = 20.0;

    private final DialerClock clock;
    private final CalleeModel callees;
    private final int trunkLines;
    private final Map<AttemptId, Line> lines = new HashMap<>();
    private CallEventListener listener = event -> { };
    private org.opendialer.engine.telephony.RobotLine robot;
    /** Where robot conversations run; null: on the clock's thread (simulated time, where a conversation takes none). */
    private java.util.concurrent.Executor conversations;
    private long sequence;

    public SimulatedPbx(DialerClock clock, CalleeModel callees, int trunkLines) {
        this.clock = clock;
        this.callees = callees;
        this.trunkLines = trunkLines;
    }

    @Override
    public void setListener(CallEventListener listener) {
        this.listener = listener;
    }

    /** Puts the speech robot on the lines: robot calls then last as long as its real conversations. */
    public void setRobotLine(org.opendialer.engine.telephony.RobotLine robotLine) {
        this.robot = robotLine;
    }

    /**
     * Puts the speech robot on the lines with its conversations on {@code workers}, off the clock thread (real time,
     * where a conversation's speaking and hearing take real seconds): the call goes on when the conversation is over.
     */
    public void setRobotLine(org.opendialer.engine.telephony.RobotLine robotLine, java.util.concurrent.Executor workers) {
        this.robot = robotLine;
        this.conversations = workers;
    }

    /** The callee behind a call still on a line, or null. */
    public SimulatedCall call(AttemptId attempt) {
        Line line = lines.get(attempt);
        return line == null ? null : line.call;
    }

    public long callsPlaced() {
        return sequence;
    }

    @Override
    public void originate(OriginateRequest request) {
        AttemptId id = request.attemptId();
        SimulatedCall call = callees.callFor(request, sequence++);
        if (lines.size() >= trunkLines) {
            later(0, () -> listener.onEvent(new CallEvent.CallEnded(id, clock.now(), CallResult.CONGESTION, 34,
                    "all trunk lines busy")));
            return;
        }
        Line line = new Line(id, call, request.detectMachine());
        line.request = request;
        lines.put(id, line);
        double ring = request.ringTimeout().toMillis() / 1000.0;
        later(call.setupSeconds(), () -> {
            if (line.ended) {
                return;
            }
            listener.onEvent(new CallEvent.CallRinging(id, clock.now(), "sim", "SIM/" + request.number().digits() + "-" + id,
                    "sim." + id));
            switch (call.kind()) {
                case HUMAN, MACHINE -> {
                    if (call.answerSeconds() > ring) {
                        later(ring, () -> end(line, CallResult.NO_ANSWER, 19, "no answer"));
                    } else {
                        later(call.answerSeconds(), () -> answer(line));
                    }
                }
                case BUSY -> later(call.failSeconds(), () -> end(line, CallResult.BUSY, 17, "user busy"));
                case INVALID -> later(call.failSeconds(), () -> end(line, CallResult.INVALID_NUMBER, 1, "unallocated number"));
                case CONGESTION -> later(call.failSeconds(), () -> end(line, CallResult.CONGESTION, 34, "no circuit available"));
                case NO_ANSWER -> later(ring, () -> end(line, CallResult.NO_ANSWER, 19, "no answer"));
            }
        });
    }

    private void answer(Line line) {
        if (line.ended) {
            return;
        }
        SimulatedCall call = line.call;
        if (line.detect) {
            double listen = call.kind() == SimulatedCall.Kind.MACHINE ? AMD_MACHINE_SECONDS : AMD_HUMAN_SECONDS;
            AmdStatus verdict = call.amdVerdict() == null ? AmdStatus.HUMAN : call.amdVerdict();
            later(listen, () -> answered(line, verdict));
        } else {
            answered(line, null);
        }
    }

    private void answered(Line line, AmdStatus verdict) {
        if (line.ended) {
            return;
        }
        line.answered = true;
        listener.onEvent(new CallEvent.CallAnswered(line.id, clock.now(), verdict, verdict == null ? null : "sim"));
        line.patience = later(line.call.patienceSeconds(), () -> {
            if (!line.connected) {
                end(line, resultOf(line), 16, "callee hung up waiting");
            }
        });
    }

    /** A simulated agent's phone is on the line the moment the agent logs in. */
    @Override
    public boolean connectAgent(AgentEndpoint agent) {
        return true;
    }

    @Override
    public void disconnectAgent(long agentId) {
    }

    @Override
    public void bridge(AttemptId attempt, AgentEndpoint agent) {
        Line line = lines.get(attempt);
        if (line == null || line.ended || !line.answered) {
            return;
        }
        connect(line, callees.talkSeconds(line.call, agent.agentId()));
        listener.onEvent(new CallEvent.CallBridged(attempt, clock.now(), agent.agentId()));
    }

    @Override
    public void sendToRobot(AttemptId attempt) {
        Line line = lines.get(attempt);
        if (line != null && !line.ended && line.answered) {
            if (robot == null) {
                connect(line, line.call.talkSeconds());
                return;
            }
            line.connected = true;
            if (line.patience != null) {
                line.patience.cancel();
            }
            boolean machine = line.call.kind() == SimulatedCall.Kind.MACHINE;
            if (conversations == null) {
                talked(line, robot.converse(line.request, machine), 0);
                return;
            }
            org.opendialer.engine.telephony.RobotLine heard = robot;
            long started = clock.nowMillis();
            conversations.execute(() -> {
                org.opendialer.engine.telephony.RobotLine.Talk talk = heard.converse(line.request, machine);
                clock.execute(() -> talked(line, talk, (clock.nowMillis() - started) / 1000.0));
            });
        }
    }

    /** The robot's conversation is over ({@code spent} seconds of it have passed already): hand-off or hang-up. */
    private void talked(Line line, org.opendialer.engine.telephony.RobotLine.Talk talk, double spent) {
        double left = Math.max(0, talk.seconds() - spent);
        if (talk.handoff()) {
            // the line stays up: the dialer bridges the callee to an agent (or hangs up)
            line.connected = false;
            later(left, () -> {
                if (!line.ended) {
                    listener.onEvent(new CallEvent.RobotHandoff(line.id, clock.now()));
                }
            });
        } else {
            later(left, () -> end(line, resultOf(line), 16, "robot conversation ended"));
        }
    }

    private void connect(Line line, double talkSeconds) {
        line.connected = true;
        if (line.patience != null) {
            line.patience.cancel();
        }
        later(talkSeconds, () -> end(line, resultOf(line), 16, "normal clearing"));
    }

    @Override
    public void playSafeHarbourAndHangup(AttemptId attempt) {
        Line line = lines.get(attempt);
        if (line != null) {
            line.connected = true;
            later(SAFE_HARBOUR_SECONDS, () -> end(line, resultOf(line), 16, "safe harbour message played"));
        }
    }

    @Override
    public void leaveMessageAndHangup(AttemptId attempt) {
        Line line = lines.get(attempt);
        if (line != null) {
            line.connected = true;
            later(MESSAGE_SECONDS, () -> end(line, resultOf(line), 16, "message left"));
        }
    }

    @Override
    public void hangup(AttemptId attempt) {
        Line line = lines.get(attempt);
        if (line != null) {
            end(line, line.answered ? resultOf(line) : CallResult.NO_ANSWER, 16, "hung up by dialer");
        }
    }

    @Override
    public void transfer(AttemptId attempt, org.opendialer.engine.call.PhoneNumber to) {
        Line line = lines.get(attempt);
        if (line != null && line.answered) {
            end(line, resultOf(line), 16, "transferred to " + to.e164());
        }
    }

    @Override
    public int freeLines() {
        return trunkLines - lines.size();
    }

    private static CallResult resultOf(Line line) {
        return line.call.kind() == SimulatedCall.Kind.MACHINE ? CallResult.MACHINE : CallResult.HUMAN;
    }

    private void end(Line line, CallResult result, int cause, String text) {
        if (line.ended) {
            return;
        }
        line.ended = true;
        lines.remove(line.id);
        listener.onEvent(new CallEvent.CallEnded(line.id, clock.now(), result, cause, text));
    }

    private DialerClock.Scheduled later(double seconds, Runnable task) {
        return clock.schedule(Duration.ofMillis(Math.max(0, Math.round(seconds * 1000))), task);
    }

    private static final class Line {
        final AttemptId id;
        final SimulatedCall call;
        final boolean detect;
        OriginateRequest request;
        boolean answered;
        boolean connected;
        boolean ended;
        DialerClock.Scheduled patience;

        Line(AttemptId id, SimulatedCall call, boolean detect) {
            this.id = id;
            this.call = call;
            this.detect = detect;
        }
    }
}
