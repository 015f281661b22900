package org.opendialer.service.dialing;

import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.simulation.ScenarioFile;
import org.opendialer.engine.simulation.VirtualCallCentre;
import org.opendialer.engine.telephony.Telephony;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.web.ConflictException;

/**
 * The telephony a campaign dials through. {@code SIMULATED} is a PBX whose callees behave like the
 * bundled baseline scenario (answer rates, talk times, machines), so a campaign can be run end to end on
 * a bare machine.
 */
public class TelephonyFactory {

    private final java.util.function.BiFunction<Campaign, DialerClock, org.opendialer.engine.telephony.RobotLine> robots;

    public TelephonyFactory() {
        this((campaign, clock) -> null);
    }

    /** @param robots the speech robot for a campaign's robot calls (null: the callee model decides how long they last) */
    public TelephonyFactory(java.util.function.BiFunction<Campaign, DialerClock, org.opendialer.engine.telephony.RobotLine> robots) {
        this.robots = robots;
    }

    /** The telephony for {@code campaign} on {@code clock}; a simulated one also gets its call centre attached by the caller. */
    public Connected connect(Campaign campaign, DialerClock clock) {
        if ("SIMULATED".equals(campaign.telephony())) {
            VirtualCallCentre centre = new VirtualCallCentre(ScenarioFile.bundled("s1-baseline"), clock.nowMillis(), clock,
                    campaign.trunkLines());
            org.opendialer.engine.telephony.RobotLine robot = robots.apply(campaign, clock);
            if (robot != null) {
                centre.robot(robot);
            }
            return new Connected(centre.pbx(), centre);
        }
        throw new ConflictException("campaign '" + campaign.name() + "' dials through " + campaign.telephony()
                + " telephony, which is not configured on this server; use telephony SIMULATED");
    }

    /** A connected telephony and, for the simulated PBX, its callees. */
    public record Connected(Telephony telephony, VirtualCallCentre centre) {
    }
}
