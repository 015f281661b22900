package org.opendialer.service.campaign;

/**
 * What the callee's phone sees and how the call is carried: the caller ID, the telephony ({@code SIMULATED} or
 * {@code ASTERISK}), the region numbers are read in, how long a call rings and whether it is recorded.
 */
public record CallerLine(String callerId, String telephony, String defaultRegion, int ringTimeoutSeconds, boolean recording) {

    public boolean simulated() {
        return "SIMULATED".equals(telephony);
    }

    public boolean onAsterisk() {
        return "ASTERISK".equals(telephony);
    }
}
