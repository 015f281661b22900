package org.opendialer.engine.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.engine.compliance.ComplianceSettings;
import org.opendialer.engine.dialer.AttemptLog;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.CampaignDialer;
import org.opendialer.engine.dialer.CampaignSettings;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.engine.dialer.DialerSettings;
import org.opendialer.engine.dialer.LeadSource;
import org.opendialer.engine.dialer.MachineAction;
import org.opendialer.engine.pacing.PacingPolicies;
import org.opendialer.engine.pacing.PacingPolicy;
import org.opendialer.engine.pacing.PacingSettings;
import org.opendialer.engine.pacing.PacingSituation;

/**
 * One shift of one scenario under one pacing policy: the real {@link CampaignDialer} with a
 * {@link SimulatedPbx}, {@link SimulatedFloor} agents and the scenario's callees, on a
 * {@link SimulatedClock}. Deterministic: the same scenario, policy and seed give the same result.
 */
public final class DaySimulation {

    /** Shifts start at 09:00 on a Monday, UTC. */
    static final Instant SHIFT_START = Instant.parse("2026-01-05T09:00:00Z");

    private DaySimulation() {
    }

    public static DayResult run(Scenario scenario, String policySpec, long seed) {
        SimulatedClock clock = new SimulatedClock(SHIFT_START);
        long start = clock.nowMillis();
        ScenarioCallees callees = new ScenarioCallees(scenario, seed, clock, start);
        SimulatedPbx pbx = new SimulatedPbx(clock, callees, scenario.trunkLines());
        SimulatedFloor floor = new SimulatedFloor(scenario, seed, clock, callees);
        LocalTime shiftEnd = LocalTime.ofInstant(SHIFT_START.plusSeconds((long) scenario.shiftSeconds()), ZoneOffset.UTC);
        TimedPolicy policy = new TimedPolicy(PacingPolicies.create(policySpec, floor, shiftEnd, ZoneOffset.UTC));
        DayMetrics metrics = new DayMetrics(start, scenario.shiftHours());
        CampaignDialer[] auditor = new CampaignDialer[1];
        AttemptLog log = new AttemptLog() {
            private long next = 1;

            @Override
            public AttemptId open(CampaignId campaign, DialLead lead, Instant placedAt) {
                return new AttemptId(next++);
            }

            @Override
            public void closed(AttemptOutcome outcome) {
                ScenarioCallees.Callee callee = callees.callee(outcome.attemptId());
                if (outcome.amd() == AmdStatus.MACHINE && outcome.agentId() != 0 && callee != null) {
                    // the agent who took an audited MACHINE verdict marks what was there
                    auditor[0].amdAuditMarked(outcome.attemptId(), callee.call().live());
                }
                metrics.attemptClosed(outcome, callee == null ? null : callee.call());
                callees.forget(outcome.attemptId());
            }
        };
        CampaignDialer dialer = new CampaignDialer(clock, pbx, new GeneratedLeads(scenario.leads()), log,
                settings(scenario), policy);
        auditor[0] = dialer;
        dialer.addAgentListener(metrics);
        dialer.addAgentListener(change -> {
            if (change.attempt() != null && change.to() == org.opendialer.engine.agent.AgentState.ON_CALL) {
                ScenarioCallees.Callee callee = callees.callee(change.attempt());
                metrics.callConnected(change.agentId(), callee != null && callee.call().live());
            }
        });
        floor.start(dialer);
        dialer.start();
        Instant end = SHIFT_START.plusSeconds((long) scenario.shiftSeconds());
        clock.runUntil(end);
        dialer.stop();
        return metrics.finish(seed, end.toEpochMilli(), pbx.callsPlaced(), policy.percentile(0.5), policy.percentile(0.99));
    }

    /** The scenario's campaign, told what a manager would know, through the same translation as a stored campaign. */
    static DialerSettings settings(Scenario scenario) {
        Scenario.Amd amd = scenario.amd();
        return new CampaignSettings(new CampaignId(1), null, scenario.noAnswerTimeoutSeconds(), 2, scenario.abandonTarget(),
                scenario.abandonWindow(), Duration.ofHours(72), amd != null, MachineAction.HANG_UP,
                amd == null ? Double.NaN : amd.toldFalseMachine(), amd == null ? 0 : amd.auditShare(), false, false,
                scenario.expectedTalkSeconds(), 15, scenario.expectedLiveRate(), scenario.maxLinesPerAgent(), 0,
                ZoneOffset.UTC).dialerSettings();
    }

    /** An endless list of distinct numbers, as many as the scenario's list holds. */
    private static final class GeneratedLeads implements LeadSource {
        private final long size;
        private long next;

        GeneratedLeads(long size) {
            this.size = size;
        }

        @Override
        public Optional<DialLead> next() {
            if (next >= size) {
                return Optional.empty();
            }
            next++;
            return Optional.of(new DialLead(next, new PhoneNumber("+1555" + String.format("%07d", next % 10_000_000))));
        }

        @Override
        public String whyEmpty() {
            return "all " + size + " leads of the list have been dialled";
        }
    }

    /** Measures how long each pacing decision takes (wall clock), for the decision-latency figures. */
    private static final class TimedPolicy implements PacingPolicy {
        private final PacingPolicy policy;
        private long[] nanos = new long[32_768];
        private int count;

        TimedPolicy(PacingPolicy policy) {
            this.policy = policy;
        }

        @Override
        public String name() {
            return policy.name();
        }

        @Override
        public boolean agentInitiated() {
            return policy.agentInitiated();
        }

        @Override
        public boolean heldToAbandonCap() {
            return policy.heldToAbandonCap();
        }

        @Override
        public boolean forecastsItsAbandons() {
            return policy.forecastsItsAbandons();
        }

        @Override
        public double dialLevel(PacingSituation situation) {
            return policy.dialLevel(situation);
        }

        @Override
        public int callsToPlace(PacingSituation situation) {
            long started = System.nanoTime();
            int calls = policy.callsToPlace(situation);
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = System.nanoTime() - started;
            return calls;
        }

        double percentile(double p) {
            if (count == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            return sorted[Math.min(count - 1, (int) Math.floor(p * count))] / 1e6;
        }
    }
}
