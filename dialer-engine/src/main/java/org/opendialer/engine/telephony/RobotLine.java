package org.opendialer.engine.telephony;

/**
 * The speech robot behind a simulated line: holds the whole conversation with the callee of {@code request}
 * and says how long it lasted, so the simulated PBX hangs up after that much (simulated) time, or hands the
 * callee to an agent then. Without one the PBX lets robot calls last as long as the callee model says.
 */
@FunctionalInterface
public interface RobotLine {

    /** How a robot conversation went on the line: how long it lasted, and whether the callee goes on to an agent. */
    record Talk(double seconds, boolean handoff) {
    }

    /** @param machine an answering machine picked up (the robot hears its greeting) */
    Talk converse(OriginateRequest request, boolean machine);
}
