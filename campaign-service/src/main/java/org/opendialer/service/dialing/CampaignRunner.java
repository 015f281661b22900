package org.opendialer.service.dialing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.engine.dialer.DialerMetrics;
import org.opendialer.engine.dialer.NotDialingReason;
import org.opendialer.engine.telephony.AgentEndpoint;
import org.opendialer.service.attempt.AttemptEvents;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.campaign.CampaignStatus;
import org.opendialer.service.campaign.Holidays;
import org.opendialer.service.lead.DoNotCallList;
import org.opendialer.service.lead.LeadStore;
import org.opendialer.service.user.Role;
import org.opendialer.service.user.UserAccount;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.web.ConflictException;
import org.opendialer.service.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, pauses, resumes and stops campaigns on this instance, takes agents' commands to the campaign
 * they are logged in to, and answers "why isn't it dialling". Campaign status changes are stored first,
 * so a restarted instance resumes exactly the campaigns that were running.
 */
public class CampaignRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);

    private final CampaignRepository campaigns;
    private final JdbcTemplate jdbc;
    private final AmdAuditDesk amdAudits;
    private final TransactionTemplate tx;
    private final DoNotCallList dnc;
    private final UserDirectory users;
    private final TelephonyFactory telephony;
    private final MeterRegistry meters;
    private final String instance;
    private final Function<Campaign, DialerClock> clocks;
    private final AttemptEvents events;
    private final Map<Long, CampaignRun> runs = new ConcurrentHashMap<>();
    private final Map<Long, Long> agentCampaign = new ConcurrentHashMap<>();
    /** Start, pause, stop and following the stored status change runs one at a time. */
    private final Object lifecycle = new Object();
    private final Map<Long, Long> startRetryAt = new ConcurrentHashMap<>();
    static final Duration START_RETRY = Duration.ofSeconds(30);
    /** A stopped campaign waits this long at most for its calls to end before it hangs them up. */
    static final Duration LONGEST_CALL = Duration.ofHours(4);

    public CampaignRunner(CampaignRepository campaigns, JdbcTemplate jdbc, TransactionTemplate tx, DoNotCallList dnc,
                          UserDirectory users, TelephonyFactory telephony, MeterRegistry meters, String instance,
                          Function<Campaign, DialerClock> clocks, AttemptEvents events) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.amdAudits = new AmdAuditDesk(jdbc, tx);
        this.tx = tx;
        this.dnc = dnc;
        this.users = users;
        this.telephony = telephony;
        this.meters = meters;
        this.instance = instance;
        this.clocks = clocks;
        this.events = events;
    }

    /** A real-time clock thread per campaign. */
    public static Function<Campaign, DialerClock> realTime() {
        return campaign -> new SystemClock("dialer-campaign-" + campaign.id());
    }

    /**
     * Stores the attempt journals this instance left when it was last killed (see {@link AttemptJournals}); run at
     * start, before the instance's open attempts are recovered. Returns how many writes were stored.
     */
    int replayJournals() {
        return AttemptJournals.replayAll(instance, campaignId -> campaigns.find(campaignId)
                .map(c -> new DatabaseAttemptStore(new org.opendialer.service.lead.AttemptRecorder(c, jdbc, tx, instance),
                        new org.opendialer.service.dialing.AgentStateLog(jdbc, c.id()), tx))
                .orElse(null));
    }

    public String instance() {
        return instance;
    }

    /**
     * Starts (or resumes) dialling the campaign. Its telephony is connected first: when that fails (the PBX
     * does not answer) the request is refused and the campaign keeps its status, so it never starts by itself later.
     */
    public CampaignLiveStatus start(long campaignId) {
        synchronized (lifecycle) {
            Campaign campaign = campaigns.get(campaignId);
            if (campaign.status() != CampaignStatus.RUNNING && !campaign.status().canMoveTo(CampaignStatus.RUNNING)) {
                throw new ConflictException("campaign '" + campaign.name() + "' is " + campaign.status() + " and cannot become RUNNING");
            }
            CampaignRun run = run(campaign);
            try {
                campaigns.moveTo(campaignId, CampaignStatus.RUNNING, null);
            } catch (RuntimeException e) {
                closeHere(campaignId);
                throw e;
            }
            run.start();
        }
        return status(campaignId);
    }

    /** Resumes every campaign stored as running: after a restart, dialling carries on. */
    public void resumeRunning() {
        for (Campaign campaign : campaigns.withStatus(CampaignStatus.RUNNING)) {
            try {
                synchronized (lifecycle) {
                    run(campaign).start();
                }
                LOG.info("Resumed campaign {} ({})", campaign.id(), campaign.name());
            } catch (RuntimeException e) {
                LOG.error("Could not resume campaign {} ({}): {}", campaign.id(), campaign.name(), e.getMessage());
                campaigns.setStatus(campaign.id(), CampaignStatus.PAUSED, "could not resume after restart: " + e.getMessage());
            }
        }
    }

    public CampaignLiveStatus pause(long campaignId, String reason) {
        synchronized (lifecycle) {
            campaigns.moveTo(campaignId, CampaignStatus.PAUSED, reason);
            Optional.ofNullable(runs.get(campaignId)).ifPresent(CampaignRun::pause);
        }
        return status(campaignId);
    }

    /**
     * Ends the campaign: no new calls; calls with an agent or the robot go on until they end and their agents
     * stay on them (or, with {@code now}, every call is hung up with a recorded cause); then the campaign's
     * agents are logged out and its telephony closed.
     */
    public CampaignLiveStatus stop(long campaignId, CampaignStatus end, String reason, boolean now) {
        synchronized (lifecycle) {
            campaigns.moveTo(campaignId, end, reason);
            closeWhenCallsEnd(campaignId, now);
        }
        return status(campaignId);
    }

    public CampaignLiveStatus stop(long campaignId, CampaignStatus end, String reason) {
        return stop(campaignId, end, reason, false);
    }

    private void closeWhenCallsEnd(long campaignId, boolean now) {
        CampaignRun run = runs.get(campaignId);
        if (run != null && run.draining() && now) {
            run.hangUpAll(); // stopped earlier to let calls end; now they must not wait
        } else if (run != null && !run.draining()) {
            run.closeWhenCallsEnd(now, LONGEST_CALL, () -> {
                synchronized (lifecycle) {
                    if (runs.remove(campaignId, run)) {
                        agentCampaign.values().removeIf(c -> c == campaignId);
                    }
                }
            });
        }
    }

    /** Closes the campaign here at once (it could not start); its calls, if any, are cut off. */
    private void closeHere(long campaignId) {
        CampaignRun run = runs.remove(campaignId);
        if (run != null) {
            agentCampaign.values().removeIf(c -> c == campaignId);
            run.close();
        }
    }

    /**
     * Brings this instance in line with the campaigns' stored status, which any instance (or a scheduled job)
     * may have changed: a campaign paused elsewhere stops dialling here, one stopped elsewhere is closed here,
     * and one started or resumed elsewhere dials here too. Called every second by {@code serve}; a campaign
     * that cannot start here (its PBX does not answer) is tried again after {@link #START_RETRY}.
     */
    public void followStoredStatus() {
        synchronized (lifecycle) {
            // read under the lock: a status read before a start or pause on this instance would undo it
            Map<Long, CampaignStatus> stored = campaigns.statuses();
            for (CampaignRun run : List.copyOf(runs.values())) {
                long id = run.campaign().id();
                CampaignStatus status = stored.get(id);
                if (run.draining()) {
                    continue; // stopped: closes when its calls have ended
                }
                if (status == null || status == CampaignStatus.COMPLETED || status == CampaignStatus.STOPPED
                        || status == CampaignStatus.DRAFT) {
                    LOG.info("Campaign {} is {} in the database: closing it on this instance once its calls end", id, status);
                    closeWhenCallsEnd(id, false);
                } else if (status != CampaignStatus.RUNNING && run.dialing()) {
                    LOG.info("Campaign {} is {} in the database: pausing it on this instance", id, status);
                    run.pause();
                } else if (status == CampaignStatus.RUNNING && !run.dialing()) {
                    run.start();
                }
            }
            long now = System.nanoTime();
            stored.forEach((id, status) -> {
                if (status != CampaignStatus.RUNNING || runs.containsKey(id) || startRetryAt.getOrDefault(id, now) - now > 0) {
                    return;
                }
                try {
                    run(campaigns.get(id)).start();
                    startRetryAt.remove(id);
                    LOG.info("Campaign {} was started through another instance: dialling here too", id);
                } catch (RuntimeException e) {
                    if (!startRetryAt.containsKey(id)) {
                        LOG.warn("Campaign {} is running but cannot dial on this instance: {}", id, e.getMessage());
                    }
                    startRetryAt.put(id, now + START_RETRY.toNanos());
                }
            });
        }
    }

    private synchronized CampaignRun run(Campaign campaign) {
        CampaignRun existing = runs.get(campaign.id());
        if (existing != null && !existing.draining()) {
            return existing;
        }
        if (existing != null) {
            closeHere(campaign.id()); // reopened and started again before the last run's calls ended
        }
        DialerClock clock = clocks.apply(campaign);
        TelephonyFactory.Connected connected = telephony.connect(campaign, clock);
        CampaignRun run = new CampaignRun(campaign.withHolidays(Holidays.dates(jdbc)), clock,
                connected.telephony(), jdbc, tx, dnc, instance, events);
        if (connected.centre() != null) {
            connected.centre().attach(run.dialer());
        }
        runs.put(campaign.id(), run);
        CampaignGauges.register(meters, run, r -> runs.get(r.campaign().id()) == r);
        return run;
    }

    public Optional<CampaignRun> running(long campaignId) {
        return Optional.ofNullable(runs.get(campaignId));
    }

    /** Every reason the campaign is not dialling, in one answer. */
    public CampaignLiveStatus status(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        long callable = new LeadStore(jdbc, tx).callableCount(campaignId);
        CampaignRun run = runs.get(campaignId);
        List<NotDialingReason> reasons = new ArrayList<>();
        DialerMetrics metrics = null;
        if (run == null || campaign.status() != CampaignStatus.RUNNING) {
            reasons.add(new NotDialingReason(NotDialingReason.Code.NOT_RUNNING, "the campaign is "
                    + campaign.status().name().toLowerCase() + (campaign.statusReason() == null ? "" : ": " + campaign.statusReason())));
        }
        if (run != null) {
            metrics = run.metrics();
            if (campaign.status() == CampaignStatus.RUNNING) {
                reasons.addAll(run.whyNotDialing());
            }
        }
        if (callable == 0 && reasons.stream().noneMatch(r -> r.code() == NotDialingReason.Code.NO_CALLABLE_LEADS)) {
            reasons.add(new NotDialingReason(NotDialingReason.Code.NO_CALLABLE_LEADS,
                    "the campaign's lead lists are exhausted: no lead is left to call"));
        }
        boolean dialing = campaign.status() == CampaignStatus.RUNNING && run != null && reasons.isEmpty();
        return new CampaignLiveStatus(campaign.id(), campaign.name(), campaign.status(), campaign.statusReason(), dialing,
                reasons, callable, metrics, run == null ? List.of() : AgentNow.on(run, users), amdAudits.view(campaign, run));
    }

    // ---- agents ----------------------------------------------------------------------------

    public void login(long campaignId, long userId) {
        login(campaignId, userId, null);
    }

    /** Logs in with {@code phone} (e.g. the agent's browser phone) as the agent's line instead of the phone on their account. */
    public void login(long campaignId, long userId, String phone) {
        UserAccount user = users.get(userId);
        if (user.role() != Role.AGENT && user.role() != Role.MANAGER) {
            throw new InvalidRequestException("agentId", user.username() + " is " + user.role() + ", not an agent");
        }
        CampaignRun run = runs.get(campaignId);
        if (run == null) {
            throw new ConflictException("campaign " + campaignId + " is not running on this server; start it first");
        }
        Long current = agentCampaign.get(userId);
        if (current != null && current != campaignId) {
            throw new ConflictException(user.username() + " is logged in to campaign " + current + "; log out first");
        }
        String endpoint = phone != null ? phone : user.phoneEndpoint() != null ? user.phoneEndpoint() : "SIM/agent" + user.id();
        Set<String> skills = new HashSet<>(user.skills());
        skills.add(LeadStore.agentSkill(user.id()));
        run.onClock(() -> {
            // logging in again keeps the agent's state; it calls the agent's phone again if it has dropped
            run.dialer().login(new AgentEndpoint(userId, endpoint), skills);
            return null;
        });
        agentCampaign.put(userId, campaignId);
    }

    public void ready(long userId) {
        CampaignRun run = agentRun(userId);
        run.onClock(() -> AgentCommands.run(() -> run.dialer().ready(userId)));
    }

    public void pauseAgent(long userId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "say why the agent pauses (break, lunch, training, ...)");
        }
        if (reason.length() > 64) {
            throw new InvalidRequestException("reason", "at most 64 characters");
        }
        CampaignRun run = agentRun(userId);
        run.onClock(() -> AgentCommands.run(() -> {
            Agent agent = run.dialer().roster().find(userId)
                    .orElseThrow(() -> new ConflictException("agent " + userId + " is not logged in to this campaign"));
            switch (agent.state()) {
                case ON_CALL, WRAP_UP -> run.dialer().pauseAfterWrapUp(userId, reason);
                default -> run.dialer().pause(userId, reason);
            }
        }));
    }

    /** The agent has finished wrap-up (usually by setting a disposition) and is ready again, unless a pause was asked for. */
    public void wrapUpDone(long userId) {
        CampaignRun run = agentRun(userId);
        run.onClock(() -> AgentCommands.run(() -> run.dialer().completeWrapUp(userId)));
    }

    /** The agent marks an audited MACHINE verdict they took: a person was there, or a machine. */
    public void markAmdAudit(long userId, long attemptId, boolean person) {
        amdAudits.mark(agentRun(userId), userId, attemptId, person);
    }

    public void logout(long userId) {
        CampaignRun run = agentRun(userId);
        run.onClock(() -> AgentCommands.run(() -> run.dialer().logout(userId)));
        agentCampaign.remove(userId);
    }

    /** The agent's state in the campaign they are logged in to. */
    public Optional<Agent> agent(long userId) {
        Long campaignId = agentCampaign.get(userId);
        CampaignRun run = campaignId == null ? null : runs.get(campaignId);
        return run == null ? Optional.empty() : run.onClock(() -> run.dialer().roster().find(userId));
    }

    /** The running campaign the agent is logged in to. */
    public Optional<CampaignRun> runOf(long userId) {
        Long campaignId = agentCampaign.get(userId);
        return Optional.ofNullable(campaignId == null ? null : runs.get(campaignId));
    }

    CampaignRun agentRun(long userId) {
        Long campaignId = agentCampaign.get(userId);
        CampaignRun run = campaignId == null ? null : runs.get(campaignId);
        if (run == null) {
            throw new ConflictException("agent " + userId + " is not logged in to a running campaign");
        }
        return run;
    }

    @Override
    public void close() {
        for (CampaignRun run : runs.values()) {
            try {
                run.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing campaign {}: {}", run.campaign().id(), e.getMessage());
            }
        }
        runs.clear();
    }
}
