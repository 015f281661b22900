/**
 * Pacing: how many calls to place right now. Every dialing mode is a {@link
 * org.opendialer.engine.pacing.PacingPolicy} asked once a second with the same {@link
 * org.opendialer.engine.pacing.PacingSituation}; the statistics it needs are learnt online by {@link
 * org.opendialer.engine.pacing.CallStatistics}.
 */
package org.opendialer.engine.pacing;
