package org.opendialer.engine.dialer;

import java.time.Duration;
import java.util.Optional;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.compliance.AbandonGovernor;
import org.opendialer.engine.pacing.PacingPolicy;
import org.opendialer.engine.pacing.PacingSettings;
import org.opendialer.engine.pacing.PacingSituation;
import org.opendialer.engine.telephony.Telephony;

/**
 * The once-a-second decision: how many calls to place now, capped by the abandon allowance, the lines per agent and
 * the free trunk lines, and for which leads.
 */
final class PacingLoop {

    private static final Duration TICK = Duration.ofSeconds(1);

    private final DialerClock clock;
    private final Telephony telephony;
    private final LeadSource leads;
    private final DialerSettings settings;
    private final PacingPolicy policy;
    private final AbandonGovernor governor;
    private final Calls calls;
    private final PacingSituation situation;
    private final AttemptLifecycle lifecycle;
    private boolean running;
    private boolean leadsRanOut;
    private DialerClock.Scheduled nextTick;

    PacingLoop(DialerClock clock, Telephony telephony, LeadSource leads, DialerSettings settings, PacingPolicy policy,
               AbandonGovernor governor, Calls calls, PacingSituation situation, AttemptLifecycle lifecycle) {
        this.clock = clock;
        this.telephony = telephony;
        this.leads = leads;
        this.settings = settings;
        this.policy = policy;
        this.governor = governor;
        this.calls = calls;
        this.situation = situation;
        this.lifecycle = lifecycle;
    }

    void start() {
        if (!running) {
            running = true;
            nextTick = clock.schedule(Duration.ZERO, this::tick);
        }
    }

    void stop() {
        running = false;
        if (nextTick != null) {
            nextTick.cancel();
        }
    }

    boolean running() {
        return running;
    }

    /** True when the last tick wanted more leads than the source had. */
    boolean leadsRanOut() {
        return leadsRanOut;
    }

    private void tick() {
        if (!running) {
            return;
        }
        nextTick = clock.schedule(TICK, this::tick);
        if (policy.agentInitiated()) {
            return;
        }
        int wanted = withinAbandonAllowance(policy.callsToPlace(situation));
        int toPlace = Math.min(wanted, lineRoom());
        toPlace = Math.min(toPlace, telephony.freeLines());
        leadsRanOut = false;
        for (int i = 0; i < toPlace; i++) {
            Optional<DialLead> lead = nextDialableLead();
            if (lead.isEmpty()) {
                leadsRanOut = true;
                break;
            }
            lifecycle.place(lead.get(), 0);
        }
    }

    /**
     * Every mode obeys the abandon rules, whatever its ratio: at the cap it dials one call per free agent, so
     * that no live answer can find every agent busy; below it, a fixed ratio (power, progressive with a factor)
     * may dial past the free agents only as far as the abandons those extra calls risk (each becomes a live
     * answer with the campaign's answer share) fit into the allowance left in the window. Robot calls cannot
     * be abandoned.
     */
    private int withinAbandonAllowance(int wanted) {
        if (settings.robotTakesAnswers() || !policy.heldToAbandonCap()) {
            return wanted;
        }
        int beyondAgents = situation.dialsInFlight() + situation.waitingCalls() - situation.readyAgents();
        int forFreeAgents = Math.max(0, -beyondAgents);
        if (governor.atCap()) {
            return Math.min(wanted, forFreeAgents);
        }
        if (policy.forecastsItsAbandons()) {
            return wanted;
        }
        double liveShare = Math.max(0.01, situation.statistics().routableProbability());
        int extraAllowed = (int) Math.floor(governor.remainingAllowance() / liveShare) - Math.max(0, beyondAgents);
        return Math.min(wanted, forFreeAgents + Math.max(0, extraAllowed));
    }

    /** Lines the campaign may still open: lines per staffed agent (robot ports in agentless mode). */
    private int lineRoom() {
        PacingSettings pacing = settings.pacing();
        double lines = settings.robotTakesAnswers()
                ? pacing.robotCapacity() * pacing.maxLinesPerAgent()
                : pacing.maxLinesPerAgent() * situation.staffedAgents();
        return Math.max(0, (int) Math.floor(lines) - calls.inFlight - calls.waiting.size());
    }

    /** The next lead the abandon rules let us call now; one whose last call was abandoned too recently waits. */
    Optional<DialLead> nextDialableLead() {
        for (int skipped = 0; skipped < 100; skipped++) {
            Optional<DialLead> lead = leads.next();
            if (lead.isEmpty() || governor.mayRedial(lead.get().phone())) {
                return lead;
            }
            leads.putBack(lead.get(), governor.redialAllowedAt(lead.get().phone()));
        }
        return Optional.empty();
    }
}
