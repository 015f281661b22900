package org.opendialer.service.lead;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.service.attempt.AttemptEvents;
import org.opendialer.service.attempt.AttemptStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes what a crashed instance left open. Each service instance keeps a heartbeat row; at start-up an
 * instance recovers its own earlier work, and any instance recovers that of an instance whose heartbeat
 * is older than {@link #DEAD_AFTER}. A call still up on its telephony (an agent still talking to the callee)
 * is taken over by {@link StillUp} and stays open under the recovering instance until it ends. Every other
 * open attempt is closed as {@code FAILED} with the cause recorded, and its lead goes back to the retry pool
 * after the campaign's failed-call delay: it is never left {@code DIALING}, and it is not dialled again at once.
 */
public class AttemptRecovery {

    public static final Duration DEAD_AFTER = Duration.ofSeconds(60);
    public static final String CAUSE = "INTERRUPTED: dialer instance stopped";
    private static final Logger LOG = LoggerFactory.getLogger(AttemptRecovery.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StillUp stillUp;
    private final AttemptStore attempts;

    /** An attempt a stopped instance left open, as far as the database knows it. */
    public record OpenAttempt(long id, long campaignId, String state, String server, String channel, String uniqueId,
                              long agentId) {
    }

    /** Takes over calls that are still up though the instance that placed them has stopped. */
    public interface StillUp {
        /** True when the call is up and now followed by this instance, which closes its attempt when it ends. */
        boolean adopt(OpenAttempt open);
    }

    public AttemptRecovery(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this(jdbc, transactions, open -> false);
    }

    public AttemptRecovery(JdbcTemplate jdbc, TransactionTemplate transactions, StillUp stillUp) {
        this(jdbc, transactions, stillUp, AttemptEvents.none());
    }

    public AttemptRecovery(JdbcTemplate jdbc, TransactionTemplate transactions, StillUp stillUp, AttemptEvents events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.stillUp = stillUp;
        this.attempts = new AttemptStore(jdbc, events);
    }

    /** Registers (or re-registers after a restart) {@code instance} and beats its heart at {@code now}. */
    public void heartbeat(String instance, String host, Instant now) {
        Timestamp at = Timestamp.from(now);
        if (jdbc.update("UPDATE service_instances SET heartbeat_at = ? WHERE instance_id = ?", at, instance) == 0) {
            jdbc.update("INSERT INTO service_instances (instance_id, host, started_at, heartbeat_at) VALUES (?, ?, ?, ?)",
                    instance, host, at, at);
        }
    }

    /** Recovers {@code instance}'s own leftovers (call at start-up, before it dials) and those of dead instances. */
    public int recover(String instance, Instant now) {
        return recoverInstance(instance, instance, now) + recoverDead(instance, now);
    }

    /** Recovers the leftovers of every other instance whose heartbeat stopped (run periodically). */
    public int recoverDead(String self, Instant now) {
        List<String> dead = jdbc.queryForList("SELECT instance_id FROM service_instances WHERE heartbeat_at < ? AND instance_id <> ?",
                String.class, Timestamp.from(now.minus(DEAD_AFTER)), self);
        int closed = 0;
        for (String other : dead) {
            closed += recoverInstance(other, self, now);
            jdbc.update("DELETE FROM service_instances WHERE instance_id = ? AND heartbeat_at < ?", other,
                    Timestamp.from(now.minus(DEAD_AFTER)));
        }
        return closed;
    }

    private int recoverInstance(String instance, String self, Instant now) {
        Integer closed = transactions.execute(tx -> {
            Timestamp at = Timestamp.from(now);
            List<Map<String, Object>> open = attempts.lockOpenOn(instance);
            int interrupted = 0;
            for (Map<String, Object> row : open) {
                long attempt = ((Number) row.get("id")).longValue();
                long lead = ((Number) row.get("lead_id")).longValue();
                long delay = ((Number) row.get("retry_failed_s")).longValue();
                Number agent = (Number) row.get("agent_id");
                if (stillUp.adopt(new OpenAttempt(attempt, ((Number) row.get("campaign_id")).longValue(), (String) row.get("state"),
                        (String) row.get("server_name"), (String) row.get("channel"), (String) row.get("unique_id"),
                        agent == null ? 0 : agent.longValue()))) {
                    attempts.adoptedBy(new AttemptId(attempt), self);
                    jdbc.update("UPDATE asterisk_channel_leases SET instance_id = ? WHERE attempt_id = ?", self, attempt);
                    jdbc.update("UPDATE leads SET locked_by = ? WHERE id = ?", self, lead);
                    continue;
                }
                interrupted++;
                attempts.interrupted(new AttemptId(attempt), CAUSE, now);
                jdbc.update("UPDATE leads SET next_attempt_at = CASE WHEN status = 'DIALING' THEN ? ELSE next_attempt_at END, "
                        + "status = CASE WHEN status = 'DIALING' THEN 'RETRY' ELSE status END, last_result = 'FAILED', "
                        + "locked_by = NULL, locked_until = NULL, updated_at = ? WHERE id = ?",
                        Timestamp.from(now.plusSeconds(delay)), at, lead);
            }
            // its closed calls' channels on the Asterisk servers are free for every instance again
            attempts.releaseChannelsOfEndedCalls(instance);
            // leads that sat in its hopper undialled are simply free again
            jdbc.update("UPDATE leads SET locked_by = NULL, locked_until = NULL WHERE locked_by = ? AND status <> 'DIALING'", instance);
            return interrupted;
        });
        if (closed != null && closed > 0) {
            LOG.warn("Closed {} attempt(s) left open by dialer instance {}", closed, instance);
        }
        return closed == null ? 0 : closed;
    }
}
