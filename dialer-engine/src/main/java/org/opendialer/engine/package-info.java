/**
 * The dialer engine: pacing, agents, call attempts and the telephony port. Plain Java with no framework,
 * single-threaded by design: every event is handled on the {@link org.opendialer.engine.clock.DialerClock}'s
 * thread, so the same code runs in seeded simulated time and in real time.
 */
package org.opendialer.engine;
