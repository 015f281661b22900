package org.opendialer.service.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;

/**
 * The span an abandon rate is measured over: thirty days (the US rule) or twenty-four hours (the UK rule). Written
 * {@code 30D} and {@code 24H} in JSON and in the database.
 */
public enum AbandonWindow {
    THIRTY_DAYS("30D", Duration.ofDays(30)),
    TWENTY_FOUR_HOURS("24H", Duration.ofHours(24));

    private final String code;
    private final Duration span;

    AbandonWindow(String code, Duration span) {
        this.code = code;
        this.span = span;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public Duration span() {
        return span;
    }

    /** The window {@code code} names ({@code 30D} or {@code 24H}, any case); throws {@link IllegalArgumentException} otherwise. */
    @JsonCreator
    public static AbandonWindow parse(String code) {
        for (AbandonWindow w : values()) {
            if (w.code.equalsIgnoreCase(code.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("abandon window '" + code + "': 30D or 24H");
    }
}
