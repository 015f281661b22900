package org.opendialer.service.disposition;

import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.attempt.AttemptEvents;
import org.opendialer.service.callback.CallbackService;
import org.opendialer.service.lead.DoNotCallList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
public class DispositionConfiguration {

    @Bean
    public DispositionService dispositionService(JdbcTemplate jdbc, DialerClock clock, DoNotCallList dnc,
                                                 CallbackService callbacks, AttemptEvents events) {
        return new DispositionService(jdbc, clock, dnc, callbacks, events);
    }
}
