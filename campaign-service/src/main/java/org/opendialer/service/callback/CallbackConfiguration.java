package org.opendialer.service.callback;

import org.opendialer.engine.clock.DialerClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Callbacks fire through whatever {@link CallbackScheduler} the application provides (Quartz in the service). */
@Configuration(proxyBeanMethods = false)
public class CallbackConfiguration {

    @Bean
    public CallbackService callbackService(JdbcTemplate jdbc, DialerClock clock, CallbackScheduler scheduler) {
        return new CallbackService(jdbc, clock, scheduler);
    }
}
