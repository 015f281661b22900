package org.opendialer.service.dialing;

import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.simulation.ScenarioFile;
import org.opendialer.engine.simulation.VirtualCallCentre;
import org.opendialer.engine.telephony.Telephony;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.web.ConflictException;

/**
 * The telephony a campaign dials through. {@code SIMULATED} is a PBX whose callees behave like a simulator
 * scenario (answer rates, talk times, machines; the bundled baseline unless configured), so a campaign can be
 * run end to end on a bare machine.
 */
public class TelephonyFactory {

    private final java.util.function.BiFunction<Campaign, DialerClock, org.opendialer.engine.telephony.RobotLine> robots;
    private final java.util.List<org.opendialer.engine.asterisk.AsteriskServer> asterisk;

    private final String callees;
    private final org.opendialer.service.robot.RobotMedia robotMedia;
    private final org.opendialer.engine.asterisk.ChannelLeases leases;
    private final java.util.function.Consumer<Campaign> beforeAsteriskStart;

    public TelephonyFactory() {
        this((campaign, clock) -> null, java.util.List.of());
    }

    public TelephonyFactory(java.util.function.BiFunction<Campaign, DialerClock, org.opendialer.engine.telephony.RobotLine> robots,
                            java.util.List<org.opendialer.engine.asterisk.AsteriskServer> asterisk) {
        this(robots, asterisk, "s1-baseline");
    }

    /**
     * @param robots   the speech robot for a campaign's robot calls (null: the callee model decides how long they last)
     * @param asterisk the Asterisk servers ASTERISK campaigns dial through ({@code dialer.asterisk.servers})
     * @param callees  how the simulated PBX's callees behave: a bundled scenario's name or a scenario file
     *                 ({@code dialer.simulated.callees})
     */
    public TelephonyFactory(java.util.function.BiFunction<Campaign, DialerClock, org.opendialer.engine.telephony.RobotLine> robots,
                            java.util.List<org.opendialer.engine.asterisk.AsteriskServer> asterisk, String callees) {
        this(robots, asterisk, callees, new org.opendialer.engine.asterisk.InstanceChannelLeases());
    }

    /**
     * @param leases the Asterisk servers' channels, shared by every campaign (and, in the database, every instance):
     *               a server's maximum holds for all of them together
     */
    public TelephonyFactory(java.util.function.BiFunction<Campaign, DialerClock, org.opendialer.engine.telephony.RobotLine> robots,
                            java.util.List<org.opendialer.engine.asterisk.AsteriskServer> asterisk, String callees,
                            org.opendialer.engine.asterisk.ChannelLeases leases) {
        this(robots, asterisk, callees, leases, campaign -> { },
                org.opendialer.service.robot.RobotMedia.off("it is not started outside serve"));
    }

    /** @param robotMedia the robot's media server agentless campaigns on Asterisk talk through */
    public TelephonyFactory(java.util.function.BiFunction<Campaign, DialerClock, org.opendialer.engine.telephony.RobotLine> robots,
                            java.util.List<org.opendialer.engine.asterisk.AsteriskServer> asterisk, String callees,
                            org.opendialer.service.robot.RobotMedia robotMedia) {
        this(robots, asterisk, callees, new org.opendialer.engine.asterisk.InstanceChannelLeases(), campaign -> { }, robotMedia);
    }

    /**
     * @param beforeAsteriskStart runs as an ASTERISK campaign starts, once its servers answer (its recordings are rendered)
     * @param robotMedia the robot's media server agentless campaigns on Asterisk talk through
     */
    public TelephonyFactory(java.util.function.BiFunction<Campaign, DialerClock, org.opendialer.engine.telephony.RobotLine> robots,
                            java.util.List<org.opendialer.engine.asterisk.AsteriskServer> asterisk, String callees,
                            org.opendialer.engine.asterisk.ChannelLeases leases, java.util.function.Consumer<Campaign> beforeAsteriskStart,
                            org.opendialer.service.robot.RobotMedia robotMedia) {
        this.robotMedia = robotMedia;
        this.beforeAsteriskStart = beforeAsteriskStart;
        this.leases = leases;
        this.callees = callees;
        this.robots = robots;
        this.asterisk = java.util.List.copyOf(asterisk);
    }

    /** The telephony for {@code campaign} on {@code clock}; a simulated one also gets its call centre attached by the caller. */
    public Connected connect(Campaign campaign, DialerClock clock) {
        if (campaign.line().simulated()) {
            VirtualCallCentre centre = new VirtualCallCentre(ScenarioFile.load(callees), clock.nowMillis(), clock,
                    campaign.pacing().trunkLines());
            org.opendialer.engine.telephony.RobotLine robot = robots.apply(campaign, clock);
            if (robot != null && clock instanceof org.opendialer.engine.clock.SystemClock) {
                centre.robot(robot, robotWorkers(campaign)); // real time: a conversation never holds the clock thread
            } else if (robot != null) {
                centre.robot(robot);
            }
            return new Connected(centre.pbx(), centre);
        }
        org.opendialer.service.robot.RobotCalls robot = null;
        if (campaign.line().onAsterisk() && campaign.mode() == org.opendialer.service.campaign.DialingMode.AGENTLESS
                && !asterisk.isEmpty()) {
            // without a robot to answer them, every answered call would be hung up and its lead closed
            if (robotMedia.server().isEmpty()) {
                throw new ConflictException("campaign '" + campaign.name() + "' is AGENTLESS, but the robot's media server is not "
                        + "running: " + robotMedia.problem());
            }
            if (!(robots.apply(campaign, clock) instanceof org.opendialer.service.robot.RobotCalls calls)) {
                throw new ConflictException("campaign '" + campaign.name() + "' is AGENTLESS but has no talk track for the robot; "
                        + "give it a script (PUT /api/campaigns/" + campaign.id() + "/script)");
            }
            robot = calls;
        }
        if (campaign.line().onAsterisk() && !asterisk.isEmpty()) {
            org.opendialer.engine.asterisk.AsteriskTelephony telephony = new org.opendialer.engine.asterisk.AsteriskTelephony(clock, asterisk,
                    java.time.Duration.ofSeconds(30), leases);
            telephony.connect();
            if (telephony.serversInRotation().isEmpty()) {
                telephony.close();
                throw new ConflictException("no configured Asterisk server answers (" + asterisk.stream()
                        .map(s -> s.name() + " " + s.host() + ":" + s.port()).toList() + "); check dialer.asterisk.servers and AMI access");
            }
            java.util.List<String> problems = telephony.readinessProblems(campaign.amd().enabled(), robot != null);
            if (!problems.isEmpty()) {
                telephony.close();
                throw new ConflictException("Asterisk is not ready for campaign '" + campaign.name() + "': " + String.join("; ", problems));
            }
            try {
                beforeAsteriskStart.accept(campaign);
            } catch (RuntimeException e) {
                telephony.close();
                throw e;
            }
            watchdog(clock, telephony);
            if (robot != null) {
                org.opendialer.service.robot.RobotCalls calls = robot;
                return new Connected(new org.opendialer.service.robot.RobotOnAsterisk(telephony, robotMedia.server().get(),
                        (request, channel) -> calls.talk(request, channel).result(), clock), null);
            }
            return new Connected(telephony, null);
        }
        throw new ConflictException("campaign '" + campaign.name() + "' dials through " + campaign.line().telephony()
                + " telephony, which is not configured on this server (dialer.asterisk.servers); use telephony SIMULATED");
    }

    /** Threads for the campaign's robot conversations on the simulated PBX; idle ones go away after a minute. */
    private static java.util.concurrent.Executor robotWorkers(Campaign campaign) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "dialer-robot-" + campaign.id() + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Every 30 s: closes calls Asterisk never reported on (ring timeout + 60 s, or 4 hours on the line). */
    private static void watchdog(DialerClock clock, org.opendialer.engine.asterisk.AsteriskTelephony telephony) {
        clock.schedule(java.time.Duration.ofSeconds(30), () -> {
            telephony.watchdog(java.time.Duration.ofSeconds(60), java.time.Duration.ofHours(4));
            watchdog(clock, telephony);
        });
    }

    /** A connected telephony and, for the simulated PBX, its callees. */
    public record Connected(Telephony telephony, VirtualCallCentre centre) {
    }
}
