package org.opendialer.service.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in is throttled ({@code dialer.login.*}).
 *
 * @param maxFailures           failures of one username within the window that lock it
 * @param maxFailuresPerAddress failures from one address within the window that lock it
 * @param basicCache            how long a password checked over HTTP Basic is remembered, so each request need not hash it
 */
@ConfigurationProperties("dialer.login")
public record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("30") int maxFailuresPerAddress,
                              @DefaultValue("15m") Duration failureWindow, @DefaultValue("15m") Duration lockDuration,
                              @DefaultValue("60s") Duration basicCache) {
}
