package org.opendialer.engine.store;

import java.io.Serializable;
import java.time.Instant;
import org.opendialer.engine.agent.AgentStateChange;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.AttemptPhase;
import org.opendialer.engine.dialer.DialLead;

/** One write the dialer asked of its store, in the order it asked. */
public sealed interface AttemptWrite extends Serializable {

    /** A call is being placed for the lead under the id given. */
    record Opened(AttemptId attempt, CampaignId campaign, DialLead lead, Instant placedAt) implements AttemptWrite {
    }

    /** The open attempt moved on (see {@code AttemptLog#progressed}). */
    record Progressed(AttemptId attempt, AttemptPhase phase, Instant at, long agentId) implements AttemptWrite {
    }

    /** Where the call lives on its PBX. */
    record Located(AttemptId attempt, String server, String channel, String uniqueId) implements AttemptWrite {
    }

    /** The attempt is over. */
    record Closed(AttemptOutcome outcome) implements AttemptWrite {
    }

    /** An agent changed state. */
    record AgentStateChanged(AgentStateChange change) implements AttemptWrite {
    }
}
