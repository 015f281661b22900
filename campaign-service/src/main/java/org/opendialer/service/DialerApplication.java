package org.opendialer.service;

import org.opendialer.engine.clock.SystemClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Spring Boot application behind {@code dialer serve} and the commands that need its beans. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DialerApplication {

    /** The services' clock (timestamps, callback due times); each running campaign has its own thread besides. */
    @Bean(destroyMethod = "close")
    public SystemClock serviceClock() {
        return new SystemClock("dialer-service");
    }
}
