/**
 * Agents as the pacing engine sees them: their state machine (logged out, ready, on call, wrap-up,
 * paused with a reason) and the roster that routes each live answer to the longest-idle ready agent
 * with the skill the call needs.
 */
package org.opendialer.engine.agent;
