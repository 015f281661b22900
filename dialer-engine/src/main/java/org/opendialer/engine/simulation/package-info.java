/**
 * A campaign day in simulated time: a scenario (team, list, call outcome model), a simulated PBX that
 * plays seeded callees, simulated agents with logins, breaks and pauses, and the real
 * {@link org.opendialer.engine.dialer.CampaignDialer} in between. Every policy meets the same callees in
 * the same order (common random numbers), so policies compare fairly and every figure is reproducible
 * from the seed.
 */
package org.opendialer.engine.simulation;
