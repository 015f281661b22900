package org.opendialer.service.dialing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opendialer.engine.asterisk.AsteriskServer;
import org.opendialer.engine.asterisk.AsteriskTelephony;
import org.opendialer.engine.asterisk.ChannelLeases;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.engine.telephony.AgentLineEvent;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.CallEventListener;
import org.opendialer.service.attempt.AttemptEvents;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.lead.AttemptRecorder;
import org.opendialer.service.lead.AttemptRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes over, after a restart, the calls an earlier run placed on Asterisk that are still up: an attempt left open
 * whose channel ({@code dialer-<attempt>}) Asterisk still lists is followed on an AMI connection of its own, and
 * closed with Asterisk's result and cause when the call ends, as if the dialer had never stopped; the agent's phone,
 * still in the call, is hung up then. A call still ringing or waiting for an agent has nobody to take it any more:
 * it is hung up (cause 16) and closed as interrupted, like a call that is gone.
 */
public final class CallAdoption implements AttemptRecovery.StillUp, CallEventListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallAdoption.class);
    private static final Duration LISTING_FRESH = Duration.ofSeconds(5);

    private final List<AsteriskServer> servers;
    private final ChannelLeases leases;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CampaignRepository campaigns;
    private final DialerClock clock;
    private final String instance;
    private final AttemptQueries attempts;
    private final AttemptEvents events;
    private final Map<String, Listing> listings = new HashMap<>();
    /** The agent's phone line left from the earlier run, per adopted attempt: hung up when the call ends. */
    private final Map<Long, List<String>> agentLines = new ConcurrentHashMap<>();
    private AsteriskTelephony telephony;

    private record Listing(Set<String> up, long atMillis) {
    }

    public CallAdoption(List<AsteriskServer> servers, ChannelLeases leases, JdbcTemplate jdbc, TransactionTemplate transactions,
                        CampaignRepository campaigns, DialerClock clock, String instance, AttemptEvents events) {
        this.servers = List.copyOf(servers);
        this.leases = leases;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.campaigns = campaigns;
        this.clock = clock;
        this.instance = instance;
        this.attempts = new AttemptQueries(jdbc);
        this.events = events;
    }

    @Override
    public synchronized boolean adopt(AttemptRecovery.OpenAttempt open) {
        if (open.server() == null || open.uniqueId() == null || servers.stream().noneMatch(s -> s.name().equals(open.server()))) {
            return false;
        }
        Set<String> up = channelsUp(open.server());
        if (up == null || !up.contains(open.uniqueId())) {
            return false;
        }
        if (!"BRIDGED".equals(open.state()) && !"ROBOT".equals(open.state())) {
            telephony.hangUp(open.server(), open.uniqueId()); // nobody would take it now
            return false;
        }
        telephony.adopt(new AttemptId(open.id()), open.server(), open.uniqueId(), open.channel());
        if (open.agentId() != 0) {
            String line = "dialer-agent-" + open.agentId() + "-";
            agentLines.put(open.id(), up.stream().filter(u -> u.startsWith(line)).toList());
        }
        LOG.info("Attempt {} is still up on {} ({}): following it until it ends", open.id(), open.server(), open.uniqueId());
        return true;
    }

    /** The server's channels, listed at most once per {@link #LISTING_FRESH} (a recovery asks for each open attempt). */
    private Set<String> channelsUp(String server) {
        if (telephony == null) {
            telephony = new AsteriskTelephony(clock, servers, Duration.ofSeconds(30), leases);
            telephony.setListener(this);
            telephony.connect();
        }
        Listing listing = listings.get(server);
        if (listing == null || clock.nowMillis() - listing.atMillis() > LISTING_FRESH.toMillis()) {
            Set<String> up = telephony.channelsUp(server);
            if (up == null) {
                return null;
            }
            listing = new Listing(up, clock.nowMillis());
            listings.put(server, listing);
        }
        return listing.up();
    }

    @Override
    public void onEvent(CallEvent event) {
        if (event instanceof CallEvent.CallEnded ended) {
            try {
                close(ended);
            } catch (RuntimeException e) {
                LOG.error("Could not close adopted attempt {}: {}", ended.attemptId(), e.getMessage(), e);
            }
        }
    }

    @Override
    public void onAgentLine(AgentLineEvent event) {
        // adopted calls have no agent lines of this run
    }

    private void close(CallEvent.CallEnded ended) {
        long id = ended.attemptId().value();
        Map<String, Object> row = attempts.stored(ended.attemptId());
        String server = (String) row.get("server_name");
        for (String line : agentLines.getOrDefault(id, List.of())) {
            telephony.hangUp(server, line);
        }
        agentLines.remove(id);
        if ("ENDED".equals(row.get("state"))) {
            return;
        }
        long campaignId = ((Number) row.get("campaign_id")).longValue();
        Number agent = (Number) row.get("agent_id");
        String amd = (String) row.get("amd_status");
        AttemptOutcome outcome = new AttemptOutcome(ended.attemptId(), new CampaignId(campaignId),
                new DialLead(((Number) row.get("lead_id")).longValue(), new PhoneNumber((String) row.get("phone_e164")), null, Map.of()),
                at(row.get("placed_at")), at(row.get("ringing_at")), at(row.get("answered_at")), at(row.get("bridged_at")),
                ended.at(), ended.result(), ended.cause(), ended.causeText(), amd == null ? null : AmdStatus.valueOf(amd),
                (String) row.get("amd_cause"), agent == null ? 0 : agent.longValue(), "ROBOT".equals(row.get("state")),
                Boolean.TRUE.equals(row.get("abandoned")), server, (String) row.get("channel"), (String) row.get("unique_id"),
                (String) row.get("recording_path"));
        new AttemptRecorder(campaigns.get(campaignId), jdbc, transactions, instance, events).closed(outcome);
        LOG.info("Adopted attempt {} ended: {} cause {}", id, ended.result(), ended.cause());
    }

    private static Instant at(Object value) {
        if (value instanceof java.time.LocalDateTime local) {
            return Timestamp.valueOf(local).toInstant(); // the driver's reading of DATETIME, in the JVM's zone as written
        }
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    @Override
    public synchronized void close() {
        if (telephony != null) {
            telephony.close();
        }
    }
}
