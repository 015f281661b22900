package org.opendialer.service.dialing;

import org.opendialer.service.attempt.DatabaseAttemptIds;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.engine.dialer.CampaignDialer;
import org.opendialer.engine.dialer.DialerMetrics;
import org.opendialer.engine.dialer.NotDialingReason;
import org.opendialer.engine.pacing.PacingPolicies;
import org.opendialer.engine.store.ReadAheadLeadSource;
import org.opendialer.engine.store.WriteBehindAttemptLog;
import org.opendialer.engine.telephony.Telephony;
import org.opendialer.service.attempt.AttemptEvents;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.lead.AttemptRecorder;
import org.opendialer.service.lead.DoNotCallList;
import org.opendialer.service.lead.LeadHopper;
import org.opendialer.service.lead.LeadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One campaign being dialled by this instance: the engine's dialer, its hopper and attempt recorder, its
 * telephony and clock. Everything touching the dialer runs on the clock's thread; {@link #onClock} hands
 * work over and waits for the answer.
 */
public final class CampaignRun {

    private final Campaign campaign;
    private final DialerClock clock;
    private final Telephony telephony;
    private final LeadHopper hopper;
    /** Real time only: the hopper refilled ahead, and attempts and agent states written behind the clock thread. */
    private final ReadAheadLeadSource readAhead;
    private final WriteBehindAttemptLog writeBehind;
    private volatile Set<String> staffedSkills = Set.of();
    private final CampaignDialer dialer;
    private final DoNotCallList dnc;
    private final java.util.function.Consumer<String> evict;
    private volatile DialerMetrics lastMetrics;
    private volatile boolean draining;
    private volatile boolean closed;
    private DialerClock.Scheduled pacingLog;
    private final AnswerRateMemory answerRates;
    private final AmdAuditMemory amdAudits;
    private final PacingLog pacingRows;
    /** The database writes the clock thread hands off: it takes what is written, the worker writes it. */
    private final RunWrites writes;
    private int minutesSinceAnswerRatesSaved;

    /** Attempt ids reserved at a time: one short transaction per thousand calls. */
    static final int ID_BLOCK = 1000;
    /** Leads held ready at most: a few seconds of dialling, so a window that closes finds few waiting. */
    static final int MAX_AHEAD = 200;

    public CampaignRun(Campaign campaign, DialerClock clock, Telephony telephony, JdbcTemplate jdbc, TransactionTemplate tx,
                DoNotCallList dnc, String instance) {
        this(campaign, clock, telephony, jdbc, tx, dnc, instance, AttemptEvents.none());
    }

    public CampaignRun(Campaign campaign, DialerClock clock, Telephony telephony, JdbcTemplate jdbc, TransactionTemplate tx,
                DoNotCallList dnc, String instance, AttemptEvents events) {
        this.campaign = campaign;
        this.clock = clock;
        this.telephony = telephony;
        this.dnc = dnc;
        LeadStore store = new LeadStore(jdbc, tx);
        this.hopper = new LeadHopper(campaign, store, clock, instance, Math.max(20, campaign.pacing().trunkLines()));
        AttemptRecorder recorder = new AttemptRecorder(campaign, jdbc, tx, instance, events);
        AgentStateLog agentStates = new AgentStateLog(jdbc, campaign.id());
        java.time.LocalTime shiftEnd = campaign.window().end();
        if (clock instanceof SystemClock) {
            String name = "campaign-" + campaign.id();
            DatabaseAttemptStore attempts = new DatabaseAttemptStore(recorder, agentStates, tx);
            this.writeBehind = new WriteBehindAttemptLog(name, attempts, new DatabaseAttemptIds(jdbc, tx), ID_BLOCK,
                    AttemptJournals.openAfterReplay(instance, campaign.id(), attempts));
            this.readAhead = new ReadAheadLeadSource(name, hopper, Math.min(MAX_AHEAD, Math.max(20, campaign.pacing().trunkLines())),
                    hopper::callableNow, hopper::release);
            this.writes = RunWrites.onWorker("dialer-pacing-writer-" + name);
        } else {
            this.writeBehind = null; // simulated time: the caller's thread is the clock's, and writes land as they happen
            this.readAhead = null;
            this.writes = RunWrites.inline();
        }
        this.pacingRows = new PacingLog(jdbc, campaign.id());
        this.dialer = new CampaignDialer(clock, telephony, readAhead != null ? readAhead : hopper,
                writeBehind != null ? writeBehind : recorder, campaign.dialerSettings(),
                PacingPolicies.create(campaign.mode().policySpec(campaign.pacing().modeFactor()), null, shiftEnd, campaign.reportZone()));
        dialer.addAgentListener(writeBehind != null ? writeBehind : agentStates);
        this.answerRates = new AnswerRateMemory(jdbc, tx, campaign.id(), campaign.reportZone(),
                !campaign.amd().enabled() || campaign.amd().action() == org.opendialer.engine.dialer.MachineAction.PASS_TO_AGENT);
        dialer.statistics().usePriors(answerRates.priors());
        dialer.addOutcomeListener(answerRates);
        this.amdAudits = new AmdAuditMemory(jdbc, tx, campaign.id());
        dialer.amdAudit().startFrom(amdAudits.stored());
        if (readAhead != null) {
            // the hopper asks on its own thread: it reads a copy the clock thread keeps, never the roster itself
            dialer.addAgentListener(change -> staffedSkills = dialer.roster().agents().stream()
                    .flatMap(a -> a.skills().stream()).collect(Collectors.toUnmodifiableSet()));
            hopper.staffedBy(skill -> staffedSkills.contains(skill));
        } else {
            hopper.staffedBy(skill -> dialer.roster().agents().stream().anyMatch(a -> a.skills().contains(skill)));
        }
        seedAbandonHistory(jdbc);
        this.evict = phone -> {
            hopper.evict(phone);
            if (readAhead != null) {
                readAhead.drop(lead -> lead.phone().e164().equals(phone));
            }
        };
        dnc.addListener(evict);
    }

    /**
     * Once a minute while the dialer runs, takes the pacing state for {@code pacing_log} (the reports chart it), and
     * every ten minutes what the answer-rate memory and the AMD audit have counted; the worker stores them.
     */
    private void logPacing() {
        if (!dialer.running()) {
            pacingLog = null;
            return;
        }
        PacingLog.Row row = PacingLog.Row.of(dialer.metrics());
        writes.submit("the pacing log at " + row.at(), () -> pacingRows.store(row));
        if (++minutesSinceAnswerRatesSaved >= 10) {
            minutesSinceAnswerRatesSaved = 0;
            saveCounts(row.at());
        }
        pacingLog = clock.schedule(java.time.Duration.ofMinutes(1), this::logPacing);
    }

    /** Hands the answer rates and AMD audit counts taken now to the worker; called on the clock thread. */
    private void saveCounts(Instant at) {
        AnswerRateMemory.Counted counted = answerRates.take();
        org.opendialer.engine.compliance.AmdAudit.Counts audited = dialer.amdAudit().counts();
        writes.submit("the answer rates and AMD audit at " + at, () -> {
            answerRates.store(counted, at);
            amdAudits.save(audited, at);
        });
    }

    /** The abandon rate is measured over days: start from what the database remembers, not from zero. */
    private void seedAbandonHistory(JdbcTemplate jdbc) {
        Instant since = clock.now().minus(campaign.abandon().windowDuration());
        new AttemptQueries(jdbc).humanAnswersSince(new CampaignId(campaign.id()), since,
                (answeredAt, abandoned) -> dialer.governor().recordHistory(answeredAt, 1, abandoned ? 1 : 0));
    }

    public Campaign campaign() {
        return campaign;
    }

    public CampaignDialer dialer() {
        return dialer;
    }

    /** The PBX the campaign dials through; touch it on the clock thread ({@link #onClock}). */
    public Telephony telephony() {
        return telephony;
    }

    public DialerClock clock() {
        return clock;
    }

    public void start() {
        onClock(() -> {
            dialer.start();
            if (pacingLog == null) {
                pacingLog = clock.schedule(java.time.Duration.ofMinutes(1), this::logPacing);
            }
            return null;
        });
    }

    /** True while the dialer places calls (started and not paused). */
    public boolean dialing() {
        try {
            return onClock(dialer::running);
        } catch (ClosedRunException e) {
            return false;
        }
    }

    /** Stops placing calls and gives the hopper's leads back; agents stay logged in. */
    public void pause() {
        org.opendialer.engine.compliance.AmdAudit.Counts audited = onClock(() -> {
            dialer.stop();
            releaseLeads();
            return dialer.amdAudit().counts();
        });
        answerRates.save(clock.now());
        amdAudits.save(audited, clock.now());
    }

    /** What the AMD audit says now, earlier days' evidence included. */
    public AmdAuditView amdAudit() {
        return onClock(() -> AmdAuditView.of(dialer.amdAudit()));
    }

    /**
     * Stops the campaign here without cutting anyone off: no new calls, ringing dials hung up, calls with an
     * agent or the robot go on until they end (or are hung up at once when {@code now}); then the telephony and
     * the clock close and {@code closed} runs. Calls still up after {@code longest} are hung up.
     */
    void closeWhenCallsEnd(boolean now, java.time.Duration longest, Runnable closed) {
        draining = true;
        onClock(() -> {
            dialer.stop();
            releaseLeads();
            saveCounts(clock.now());
            if (now) {
                dialer.hangUpAll();
            }
            awaitCallsEnded(clock.now().plus(longest), closed);
            return null;
        });
    }

    private void awaitCallsEnded(Instant deadline, Runnable closed) {
        if (dialer.callsUnderWay() > 0 && clock.now().isBefore(deadline)) {
            clock.schedule(java.time.Duration.ofSeconds(1), () -> awaitCallsEnded(deadline, closed));
            return;
        }
        if (dialer.callsUnderWay() > 0) {
            dialer.hangUpAll();
        }
        // the clock cannot close itself from its own thread
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            close();
            closed.run();
        });
    }

    /** Hangs up every call of the campaign still under way. */
    void hangUpAll() {
        onClock(() -> {
            dialer.hangUpAll();
            return null;
        });
    }

    private void releaseLeads() {
        hopper.releaseAll();
        if (readAhead != null) {
            readAhead.returnAll();
        }
    }

    /** True once a stop is waiting for the campaign's calls to end. */
    public boolean draining() {
        return draining;
    }

    /** Pauses, closes the telephony and the clock, and stores every attempt write still queued. */
    public void close() {
        if (closed) {
            return;
        }
        pause();
        closed = true;
        dnc.removeListener(evict);
        telephony.close();
        if (readAhead != null) {
            readAhead.close();
        }
        if (clock instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (writeBehind != null) {
            writeBehind.close(); // the clock has stopped: every write it made is queued
        }
        writes.close();
    }

    /** The dialer's metrics now; once the run has closed, the last ones read. */
    public DialerMetrics metrics() {
        try {
            DialerMetrics metrics = onClock(dialer::metrics);
            lastMetrics = metrics;
            return metrics;
        } catch (ClosedRunException e) {
            return lastMetrics;
        }
    }

    /** The latest metrics without waiting for the clock thread (for gauges), or null before the first read. */
    public DialerMetrics lastMetrics() {
        return lastMetrics;
    }

    public List<NotDialingReason> whyNotDialing() {
        try {
            return onClock(dialer::whyNotDialing);
        } catch (ClosedRunException e) {
            return List.of();
        }
    }

    /** Runs {@code task} on the campaign's clock thread and returns its result. */
    public <T> T onClock(Supplier<T> task) {
        if (!(clock instanceof org.opendialer.engine.clock.SystemClock)) {
            return task.get(); // simulated time: the caller drives the clock and is its thread
        }
        if (closed) {
            throw new ClosedRunException(campaign.name());
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            clock.execute(() -> {
                try {
                    result.complete(task.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new ClosedRunException(campaign.name()); // closed between the check and the hand-over
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (true) {
                try {
                    return result.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (closed) {
                        throw new ClosedRunException(campaign.name()); // its clock stopped with the task still queued
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("campaign " + campaign.name() + " did not answer within 10 s", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The campaign's run here has closed (stopped): it answers no more questions on its clock. */
    static final class ClosedRunException extends IllegalStateException {
        ClosedRunException(String campaign) {
            super("campaign " + campaign + " is no longer running here");
        }
    }
}
