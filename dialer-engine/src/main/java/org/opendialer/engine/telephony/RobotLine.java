package org.opendialer.engine.telephony;

/**
 * The speech robot behind a simulated line: holds the whole conversation with the callee of {@code request}
 * and says how long it lasted, so the simulated PBX hangs up after that much (simulated) time. Without one
 * the PBX lets robot calls last as long as the callee model says.
 */
@FunctionalInterface
public interface RobotLine {

    /** @param machine an answering machine picked up (the robot hears its greeting) */
    double converseSeconds(OriginateRequest request, boolean machine);
}
