package org.opendialer.engine.simulation;

import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.CampaignDialer;
import org.opendialer.engine.telephony.Telephony;

/**
 * A scenario's callees and (optionally) its agents, for running a real campaign without a real PBX:
 * {@code serve} with the simulated PBX uses its callees, and {@code demo} also staffs the campaign with
 * its virtual agents. The scenario's list size is not used: the leads come from the campaign.
 */
public final class VirtualCallCentre {

    private final Scenario scenario;
    private final long seed;
    private final DialerClock clock;
    private final ScenarioCallees callees;
    private final SimulatedPbx pbx;
    /** The scenario's virtual agents staff the campaign, so they mark the audited machine verdicts they take. */
    private volatile boolean virtualAgents;

    public VirtualCallCentre(Scenario scenario, long seed, DialerClock clock, int trunkLines) {
        this.scenario = scenario;
        this.seed = seed;
        this.clock = clock;
        this.callees = new ScenarioCallees(scenario, seed, clock, clock.nowMillis());
        this.pbx = new SimulatedPbx(clock, callees, trunkLines);
    }

    public Telephony pbx() {
        return pbx;
    }

    /** Logs the scenario's agents, with the given ids, into {@code dialer} over the shift, as the simulator does. */
    public void staff(CampaignDialer dialer, long[] agentIds) {
        if (agentIds.length != scenario.agents()) {
            throw new IllegalArgumentException("the scenario has " + scenario.agents() + " agents, " + agentIds.length + " ids given");
        }
        virtualAgents = true;
        new SimulatedFloor(scenario, seed, clock, callees, agentIds).start(dialer);
    }

    /** Has the speech robot hold the conversations of robot calls (agentless campaigns). */
    public void robot(org.opendialer.engine.telephony.RobotLine line) {
        pbx.setRobotLine(line);
    }

    /** As {@link #robot(org.opendialer.engine.telephony.RobotLine)}, the conversations running on {@code workers}. */
    public void robot(org.opendialer.engine.telephony.RobotLine line, java.util.concurrent.Executor workers) {
        pbx.setRobotLine(line, workers);
    }

    /** Lets the callees of {@code dialer}'s finished calls be forgotten; call once per dialer. */
    public void attach(CampaignDialer dialer) {
        dialer.addOutcomeListener(outcome -> {
            markAudit(dialer, outcome);
            callees.forget(outcome.attemptId());
        });
    }

    /** A virtual agent who took an audited MACHINE verdict marks what was there, as a person at a desk would. */
    private void markAudit(CampaignDialer dialer, AttemptOutcome outcome) {
        if (virtualAgents && outcome.amd() == org.opendialer.engine.call.AmdStatus.MACHINE && outcome.agentId() != 0) {
            dialer.amdAuditMarked(outcome.attemptId(), live(outcome.attemptId()));
        }
    }

    /** True when the callee of a connected call is a person (not a machine passed on by detection). */
    public boolean live(org.opendialer.engine.call.AttemptId attempt) {
        ScenarioCallees.Callee callee = callees.callee(attempt);
        return callee != null && callee.call().live();
    }
}
