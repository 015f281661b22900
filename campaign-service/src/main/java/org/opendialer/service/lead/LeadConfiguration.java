package org.opendialer.service.lead;

import org.opendialer.service.attempt.AttemptEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The do-not-call list and the recovery of attempts left open by a crash; recovery asks the running side
 * ({@link AttemptRecovery.StillUp}) which of those calls are still up on Asterisk.
 */
@Configuration(proxyBeanMethods = false)
public class LeadConfiguration {

    @Bean
    public DoNotCallList doNotCallList(JdbcTemplate jdbc) {
        return new DoNotCallList(jdbc);
    }

    @Bean
    public AttemptRecovery attemptRecovery(JdbcTemplate jdbc, TransactionTemplate tx, AttemptRecovery.StillUp stillUp,
                                           AttemptEvents events) {
        return new AttemptRecovery(jdbc, tx, stillUp, events);
    }
}
