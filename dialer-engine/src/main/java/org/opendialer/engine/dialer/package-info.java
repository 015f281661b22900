/**
 * The campaign dialer: once a second it asks the campaign's pacing policy how many calls to place,
 * takes leads from a {@link org.opendialer.engine.dialer.LeadSource}, places them through the
 * telephony port, routes each live answer to an agent (or the robot) within the connect deadline or
 * abandons it, and reports every finished attempt to an {@link org.opendialer.engine.dialer.AttemptLog}.
 * It runs on a {@link org.opendialer.engine.clock.DialerClock}: the same code in simulated and real time.
 */
package org.opendialer.engine.dialer;
