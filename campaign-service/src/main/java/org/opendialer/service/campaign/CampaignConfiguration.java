package org.opendialer.service.campaign;

import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.db.DatabaseConfiguration.SchemaReady;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The campaigns' store; it waits for the schema so that the first request finds its tables. */
@Configuration(proxyBeanMethods = false)
public class CampaignConfiguration {

    @Bean
    public CampaignRepository campaignRepository(JdbcTemplate jdbc, DialerClock clock, SchemaReady schema) {
        return new CampaignRepository(jdbc, clock);
    }
}
