package org.opendialer.service.attempt;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
public class AttemptConfiguration {

    /** The service's one channel of attempt events; the attempts' meters are its first listener. */
    @Bean
    public AttemptEvents attemptEvents(MeterRegistry meters) {
        AttemptEvents events = new AttemptEvents();
        events.listen(new AttemptMeters(meters));
        return events;
    }

    @Bean
    public AttemptStore attemptStore(JdbcTemplate jdbc, AttemptEvents events) {
        return new AttemptStore(jdbc, events);
    }

    @Bean
    public AttemptQueries attemptQueries(JdbcTemplate jdbc) {
        return new AttemptQueries(jdbc);
    }
}
