package org.opendialer.service.lead;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.dialer.DialLead;
import org.opendialer.engine.dialer.LeadSource;
import org.opendialer.service.campaign.Campaign;

/**
 * A campaign's next leads, held in memory so the engine's once-a-second tick never waits on a long
 * query: refilled from {@link LeadStore} in small batches when it runs low. A lead is checked against
 * its calling window again when it is handed out, since it may have sat in the hopper across a
 * window's close.
 */
public class LeadHopper implements LeadSource {

    /** How long a claimed lead stays reserved for this instance without being dialled. */
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration AGENT_ABSENT_WAIT = Duration.ofMinutes(15);
    private static final Duration ZONE_REFRESH = Duration.ofMinutes(5);

    private final Campaign campaign;
    private final LeadStore store;
    private final DialerClock clock;
    private final String instance;
    private final int batch;
    private final Deque<DialLead> leads = new ArrayDeque<>();
    private List<ZoneId> zones = List.of();
    private Instant zonesReadAt = Instant.MIN;
    private String whyEmpty = "no callable leads left";
    private java.util.function.Predicate<String> skillStaffed = skill -> true;

    public LeadHopper(Campaign campaign, LeadStore store, DialerClock clock, String instance, int batch) {
        this.campaign = campaign;
        this.store = store;
        this.clock = clock;
        this.instance = instance;
        this.batch = batch;
    }

    @Override
    public synchronized Optional<DialLead> next() {
        Instant now = clock.now();
        if (leads.isEmpty()) {
            refill(now);
        }
        while (!leads.isEmpty()) {
            DialLead lead = leads.pollFirst();
            ZoneId zone = ZoneId.of(lead.variables().get(LeadStore.TIME_ZONE));
            if (campaign.window().isOpen(now, zone)) {
                if (lead.skill() == null || skillStaffed.test(lead.skill())) {
                    return Optional.of(lead);
                }
                // a callback booked for one agent waits until that agent is logged in
                store.postpone(lead.leadId(), now.plus(AGENT_ABSENT_WAIT));
                continue;
            }
            store.release(instance, List.of(lead.leadId()));
            if (leads.isEmpty()) {
                refill(now);
            }
        }
        return Optional.empty();
    }

    private void refill(Instant now) {
        if (zonesReadAt.plus(ZONE_REFRESH).isBefore(now) || zones.isEmpty()) {
            zones = store.zonesWithCallableLeads(campaign);
            zonesReadAt = now;
        }
        List<ZoneId> open = zones.stream().filter(z -> campaign.window().isOpen(now, z)).collect(Collectors.toList());
        leads.addAll(store.claim(campaign, open, instance, now, now.plus(LEASE), batch));
        if (leads.isEmpty()) {
            zonesReadAt = Instant.MIN;
            whyEmpty = explain(now, open);
        }
    }

    private String explain(Instant now, List<ZoneId> open) {
        List<ZoneId> all = store.zonesWithCallableLeads(campaign);
        if (all.isEmpty()) {
            return "every lead of the campaign has been called to the end (done, exhausted or do-not-call)";
        }
        if (open.isEmpty()) {
            Optional<Instant> opens = all.stream().map(z -> campaign.window().nextOpening(now, z))
                    .flatMap(Optional::stream).min(Instant::compareTo);
            return "outside every lead's calling window (" + campaign.window().start() + "-" + campaign.window().end()
                    + " local time)" + opens.map(o -> "; the next window opens at "
                    + DateTimeFormatter.ISO_INSTANT.format(o)).orElse("");
        }
        Optional<Instant> due = store.nextDue(campaign, now);
        return "no lead is due now in the open time zones " + open + due.map(d -> "; the next retry or callback is due at "
                + DateTimeFormatter.ISO_INSTANT.format(d)).orElse("; remaining leads are held by another instance or at their daily attempt limit");
    }

    /** Tells the hopper which skills some logged-in agent has (called on the dialer's thread). */
    public void staffedBy(java.util.function.Predicate<String> staffed) {
        this.skillStaffed = staffed;
    }

    @Override
    public synchronized void putBack(DialLead lead, Instant notBefore) {
        store.postpone(lead.leadId(), notBefore);
    }

    @Override
    public synchronized String whyEmpty() {
        return whyEmpty;
    }

    /** An agent dials this lead themselves: the hopper no longer hands it out (its lease stays with this instance). */
    @Override
    public synchronized void taken(long leadId) {
        leads.removeIf(l -> l.leadId() == leadId);
    }

    /** Drops a number put on a do-not-call list from the hopper at once. */
    public synchronized void evict(String phoneE164) {
        List<Long> dropped = new ArrayList<>();
        leads.removeIf(l -> {
            boolean match = l.phone().e164().equals(phoneE164);
            if (match) {
                dropped.add(l.leadId());
            }
            return match;
        });
        store.release(instance, dropped);
    }

    /** True while the lead's calling window is open: checked again as a lead held ahead is handed out. */
    public boolean callableNow(DialLead lead) {
        return campaign.window().isOpen(clock.now(), ZoneId.of(lead.variables().get(LeadStore.TIME_ZONE)));
    }

    /** Gives leads taken from the hopper and not dialled back to the list. */
    public synchronized void release(List<DialLead> given) {
        store.release(instance, given.stream().map(DialLead::leadId).collect(Collectors.toList()));
    }

    /** Gives every held lead back, when the campaign stops or pauses. */
    public synchronized void releaseAll() {
        store.release(instance, leads.stream().map(DialLead::leadId).collect(Collectors.toList()));
        leads.clear();
    }
}
