package org.opendialer.service.dialing;

import java.util.List;
import org.opendialer.engine.store.AttemptStore;
import org.opendialer.engine.store.AttemptWrite;
import org.opendialer.service.dialing.AgentStateLog;
import org.opendialer.service.lead.AttemptRecorder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A campaign's attempts and agent states in the database: each batch of the write-behind queue in one transaction,
 * through the same statements the attempt recorder and the agent state log use. Opening and closing an attempt are
 * idempotent, progress and agent states are plain updates of the same values, so a replayed journal stores nothing
 * twice.
 */
final class DatabaseAttemptStore implements AttemptStore {

    private final AttemptRecorder attempts;
    private final AgentStateLog agents;
    private final TransactionTemplate tx;

    DatabaseAttemptStore(AttemptRecorder attempts, AgentStateLog agents, TransactionTemplate tx) {
        this.attempts = attempts;
        this.agents = agents;
        this.tx = tx;
    }

    @Override
    public void write(List<AttemptWrite> batch) {
        tx.executeWithoutResult(status -> {
            for (AttemptWrite write : batch) {
                if (write instanceof AttemptWrite.Opened o) {
                    attempts.open(o.attempt(), o.campaign(), o.lead(), o.placedAt());
                } else if (write instanceof AttemptWrite.Progressed p) {
                    attempts.progressed(p.attempt(), p.phase(), p.at(), p.agentId());
                } else if (write instanceof AttemptWrite.Located l) {
                    attempts.locatedOn(l.attempt(), l.server(), l.channel(), l.uniqueId());
                } else if (write instanceof AttemptWrite.Closed c) {
                    attempts.close(c.outcome());
                } else if (write instanceof AttemptWrite.AgentStateChanged a) {
                    agents.acceptOnce(a.change());
                }
            }
        });
    }
}
