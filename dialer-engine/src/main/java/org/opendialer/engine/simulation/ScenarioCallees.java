package org.opendialer.engine.simulation;

import java.util.HashMap;
import java.util.Map;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.telephony.OriginateRequest;

/**
 * The callees of a scenario's list, with common random numbers: the i-th dial of a day always meets
 * record i, whose draws come from its own stream seeded by (day seed, i), in a fixed order (outcome,
 * setup, live answer, machine answer, busy delay, talk, wrap, machine talk, detection, post-call
 * pause, pause length, and the list of a mix when there is one). Every policy therefore meets the same people in
 * the same order; an agent's talk-time factor comes from a stream of its own, seeded by (day seed, agent).
 */
final class ScenarioCallees implements CalleeModel {

    /** An agent talks this long to a machine passed on as a person, then wraps up for 3 s. */
    static final Distribution MACHINE_TALK = Distribution.logNormal(8, 4);
    static final double MACHINE_WRAP_SECONDS = 3;

    private final Scenario scenario;
    private final long seed;
    private final DialerClock clock;
    private final long shiftStartMillis;
    private final double liveAnswerWithinTimeout;
    private final Map<AttemptId, Callee> byAttempt = new HashMap<>();
    private final Map<Long, Double> talkFactors = new HashMap<>();
    private static final long TALK_FACTOR_STREAM = 0x7A1CFAC7L;

    ScenarioCallees(Scenario scenario, long seed, DialerClock clock, long shiftStartMillis) {
        this.scenario = scenario;
        this.clock = clock;
        this.seed = seed;
        this.shiftStartMillis = shiftStartMillis;
        this.liveAnswerWithinTimeout = Math.max(1e-6, scenario.answerDelaySeconds().cdf(scenario.noAnswerTimeoutSeconds()));
    }

    /** One record of the list and what its callee and the agent who takes it will do. */
    record Callee(SimulatedCall call, double wrapSeconds, boolean pauseAfterCall, double pauseSeconds) {
    }

    Callee callee(AttemptId attempt) {
        return byAttempt.get(attempt);
    }

    void forget(AttemptId attempt) {
        byAttempt.remove(attempt);
    }

    /** A live call lasts as long as its record says, times the agent's own factor for the day. */
    @Override
    public double talkSeconds(SimulatedCall call, long agentId) {
        Distribution factors = scenario.behaviour().talkFactor();
        if (factors == null || call.kind() != SimulatedCall.Kind.HUMAN) {
            return call.talkSeconds();
        }
        return call.talkSeconds() * talkFactors.computeIfAbsent(agentId,
                id -> factors.sample(SplitMix64.forItem(seed ^ TALK_FACTOR_STREAM, id).nextDouble()));
    }

    @Override
    public SimulatedCall callFor(OriginateRequest request, long index) {
        double hours = (clock.nowMillis() - shiftStartMillis) / 3_600_000.0;
        Callee callee = record(index, hours);
        byAttempt.put(request.attemptId(), callee);
        return callee.call();
    }

    Callee record(long index, double hoursIntoShift) {
        SplitMix64 draws = SplitMix64.forItem(seed, index);
        Scenario.ConnectModel connect = scenario.connect();
        double u = draws.nextDouble();
        double setup = scenario.setupSeconds().sample(draws.nextDouble());
        double liveAnswer = scenario.answerDelaySeconds().sample(draws.nextDouble() * liveAnswerWithinTimeout);
        double machineAnswer = scenario.machineAnswerSeconds().sample(draws.nextDouble());
        double busyDelay = 1 + 2 * draws.nextDouble();
        double talk = scenario.talkSeconds().sample(draws.nextDouble());
        double wrap = scenario.wrapSeconds().sample(draws.nextDouble());
        double machineTalk = MACHINE_TALK.sample(draws.nextDouble());
        double amdDraw = draws.nextDouble();
        double pauseDraw = draws.nextDouble();
        double pauseLength = draws.nextDouble();
        double patience = scenario.patienceSeconds().sample(draws.nextDouble());
        // drawn last, and only for a mix, so scenarios without one meet the very same callees as before
        double human = connect.lists().isEmpty() ? connect.humanAt(hoursIntoShift)
                : connect.humanAt(hoursIntoShift, draws.nextDouble());
        Scenario.Amd amd = scenario.amd();
        SimulatedCall call;
        if (u < human) {
            AmdStatus verdict = amd != null && amdDraw < amd.falseMachine() ? AmdStatus.MACHINE : AmdStatus.HUMAN;
            call = new SimulatedCall(SimulatedCall.Kind.HUMAN, setup, liveAnswer, 0, talk, patience, verdict);
        } else if (u < human + connect.machine()) {
            AmdStatus verdict = amd != null && amdDraw < amd.falseHuman() ? AmdStatus.HUMAN : AmdStatus.MACHINE;
            call = new SimulatedCall(SimulatedCall.Kind.MACHINE, setup, machineAnswer, 0, machineTalk, 3600, verdict);
            wrap = MACHINE_WRAP_SECONDS;
        } else if (u < human + connect.machine() + connect.busy()) {
            call = new SimulatedCall(SimulatedCall.Kind.BUSY, setup, 0, busyDelay, 0, 0, null);
        } else if (u < human + connect.machine() + connect.busy() + connect.failed()) {
            call = new SimulatedCall(SimulatedCall.Kind.INVALID, setup, 0, 1, 0, 0, null);
        } else {
            call = new SimulatedCall(SimulatedCall.Kind.NO_ANSWER, setup, 0, 0, 0, 0, null);
        }
        Scenario.AgentBehaviour behaviour = scenario.behaviour();
        boolean pause = pauseDraw < behaviour.postCallPauseProbability();
        double pauseSeconds = behaviour.postCallPauseMinSeconds()
                + (behaviour.postCallPauseMaxSeconds() - behaviour.postCallPauseMinSeconds()) * pauseLength;
        return new Callee(call, wrap, pause, pauseSeconds);
    }
}
