package org.opendialer.service.campaign;

/** How a campaign's calls are carried: by the built-in simulated exchange or through an Asterisk server. */
public enum TelephonyType {
    SIMULATED,
    ASTERISK;

    /** The type {@code text} names, in any case; throws {@link IllegalArgumentException} for anything else. */
    public static TelephonyType parse(String text) {
        return valueOf(text.trim().toUpperCase());
    }
}
