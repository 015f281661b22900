package org.opendialer.service.campaign;

/**
 * What the callee's phone sees and how the call is carried: the caller ID, the telephony, the region numbers are
 * read in, how long a call rings and whether it is recorded.
 */
public record CallerLine(String callerId, TelephonyType telephony, String defaultRegion, int ringTimeoutSeconds, boolean recording) {

    public boolean simulated() {
        return telephony == TelephonyType.SIMULATED;
    }

    public boolean onAsterisk() {
        return telephony == TelephonyType.ASTERISK;
    }
}
