package org.opendialer.service.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The abandon rules a campaign dials under: the highest share of live answers it may abandon, the window that
 * share is measured over, and how long a live callee may wait for an agent.
 */
public record AbandonRules(@JsonProperty("abandonTarget") AbandonTarget target, @JsonProperty("abandonWindow") AbandonWindow window,
                           @JsonProperty("connectTimeoutMs") int connectTimeoutMs) {

    public Duration windowDuration() {
        return window.span();
    }
}
