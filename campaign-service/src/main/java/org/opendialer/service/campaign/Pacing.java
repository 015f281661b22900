package org.opendialer.service.campaign;

/**
 * How hard a campaign dials: its mode (with the progressive factor or power lines per agent), what it expects
 * of its calls before it has measured them, and the lines it may use.
 */
public record Pacing(DialingMode mode, double modeFactor, int expectedTalkSeconds, double expectedLiveRate, int trunkLines) {
}
