package org.opendialer.service.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The abandon rules a campaign dials under: the highest share of live answers it may abandon, the window that
 * share is measured over ({@code 30D} or {@code 24H}), and how long a live callee may wait for an agent.
 */
public record AbandonRules(@JsonProperty("abandonTarget") double target, @JsonProperty("abandonWindow") String window,
                           @JsonProperty("connectTimeoutMs") int connectTimeoutMs) {

    public Duration windowDuration() {
        return "24H".equals(window) ? Duration.ofHours(24) : Duration.ofDays(30);
    }
}
