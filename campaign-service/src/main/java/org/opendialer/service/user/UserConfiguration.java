package org.opendialer.service.user;

import org.opendialer.engine.clock.DialerClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
public class UserConfiguration {

    @Bean
    public UserDirectory userDirectory(JdbcTemplate jdbc, DialerClock clock) {
        return new UserDirectory(jdbc, clock);
    }
}
