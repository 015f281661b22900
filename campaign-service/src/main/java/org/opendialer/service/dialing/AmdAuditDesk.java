package org.opendialer.service.dialing;

import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.compliance.AmdAudit;
import org.opendialer.service.attempt.AttemptEvents;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.attempt.AttemptStore;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.web.ConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AMD audit as agents and the dashboard meet it: an agent's mark on an audited MACHINE verdict they took, and the
 * audit's figures for a campaign whether or not it is running here.
 */
final class AmdAuditDesk {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AttemptQueries attempts;
    private final AttemptStore store;

    AmdAuditDesk(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.attempts = new AttemptQueries(jdbc);
        this.store = new AttemptStore(jdbc, AttemptEvents.none());
    }

    /**
     * Counts once per attempt, only for an attempt passed on for the audit and only from the agent who took it; the
     * mark is stored on the attempt.
     */
    void mark(CampaignRun run, long userId, long attemptId, boolean person) {
        if (!tookCall(run, userId, attemptId)) {
            throw new ConflictException("attempt " + attemptId + " was not passed to agent " + userId + "; only the agent who "
                    + "took an audited call marks it");
        }
        boolean counted = run.onClock(() -> run.dialer().amdAuditMarked(new AttemptId(attemptId), person));
        if (!counted) {
            throw new ConflictException("attempt " + attemptId + " is not a machine-detection verdict waiting for an audit mark");
        }
        store.amdAudited(new AttemptId(attemptId), person);
    }

    /** The agent is on the call or wrapping it up, or the stored attempt names them as its agent. */
    private boolean tookCall(CampaignRun run, long userId, long attemptId) {
        boolean inHand = run.onClock(() -> run.dialer().roster().find(userId)
                .map(agent -> agent.attempt() != null && agent.attempt().value() == attemptId).orElse(false));
        return inHand || attempts.agentOf(attemptId, run.campaign().id()).map(agent -> agent == userId).orElse(false);
    }

    /** The audit's figures: the running dialer's, or, while it is not running here, what its earlier days stored. */
    AmdAuditView view(Campaign campaign, CampaignRun run) {
        if (!campaign.amd().enabled()) {
            return null;
        }
        if (run != null) {
            try {
                return run.amdAudit();
            } catch (CampaignRun.ClosedRunException e) {
                // stopped meanwhile: what it stored
            }
        }
        AmdAudit stored = new AmdAudit(campaign.dialerSettings().amdAudit());
        stored.startFrom(new AmdAuditMemory(jdbc, tx, campaign.id()).stored());
        return AmdAuditView.of(stored);
    }
}
