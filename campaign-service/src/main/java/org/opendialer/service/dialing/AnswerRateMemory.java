package org.opendialer.service.dialing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.opendialer.engine.call.AmdStatus;
import org.opendialer.engine.dialer.AttemptOutcome;
import org.opendialer.engine.pacing.AnswerRatePriors;
import org.opendialer.service.lead.LeadStatus;
import org.opendialer.service.lead.LeadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a campaign's answer share per list and hour of day across days ({@code answer_rate_priors}), so a new
 * day starts dialling from what earlier days learnt instead of the manager's expected live rate. It counts the
 * campaign's attempts as they end and adds them to the table when asked (every ten minutes and when the campaign
 * pauses or stops); at start it mixes the lists still to be called, each by its callable leads.
 *
 * <p>Outcomes arrive on the dialer's clock thread; {@link #take} may run on any thread, and so may {@link #store},
 * which the clock thread leaves to the run's writer.
 */
public final class AnswerRateMemory implements Consumer<AttemptOutcome> {

    /** Per list and hour, dials kept at most: a list that changes is followed, old days fade. */
    static final long KEEP_DIALS = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final long campaignId;
    private final ZoneId zone;
    private final boolean machinesReachAgents;
    private final Map<Key, long[]> today = new HashMap<>();

    /** @param machinesReachAgents a machine verdict is passed to an agent (it then counts as routable) */
    public AnswerRateMemory(JdbcTemplate jdbc, TransactionTemplate tx, long campaignId, ZoneId zone, boolean machinesReachAgents) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.campaignId = campaignId;
        this.zone = zone;
        this.machinesReachAgents = machinesReachAgents;
    }

    private record Key(long list, int hour) {
    }

    /** The answer share by hour the stored days give for the lists with leads still to call. */
    public AnswerRatePriors priors() {
        Map<Long, Long> callable = new HashMap<>();
        jdbc.query("SELECT COALESCE(list_id, 0), COUNT(*) FROM leads WHERE campaign_id = ? AND status IN "
                + LeadStatus.CALLABLE_SQL + " GROUP BY COALESCE(list_id, 0)",
                rs -> {
                    callable.put(rs.getLong(1), rs.getLong(2));
                }, campaignId);
        double[] weightedShare = new double[24];
        double[] weight = new double[24];
        long[] dials = new long[24];
        jdbc.query("SELECT list_id, hour_of_day, dials, routable FROM answer_rate_priors WHERE campaign_id = ?", rs -> {
            long list = rs.getLong(1);
            int hour = rs.getInt(2);
            long n = rs.getLong(3);
            Long leads = callable.get(list);
            if (leads == null || leads == 0 || n == 0 || hour < 0 || hour > 23) {
                return;
            }
            weightedShare[hour] += leads * (double) rs.getLong(4) / n;
            weight[hour] += leads;
            dials[hour] += n;
        }, campaignId);
        AnswerRatePriors.Hour[] hours = new AnswerRatePriors.Hour[24];
        for (int h = 0; h < 24; h++) {
            if (weight[h] > 0) {
                hours[h] = new AnswerRatePriors.Hour(weightedShare[h] / weight[h], dials[h]);
            }
        }
        return new AnswerRatePriors(zone, hours);
    }

    @Override
    public void accept(AttemptOutcome outcome) {
        if (outcome.placedAt() == null) {
            return;
        }
        boolean machine = outcome.amd() == AmdStatus.MACHINE;
        boolean routable = outcome.answeredAt() != null && (!machine || machinesReachAgents);
        String list = outcome.lead().variables().get(LeadStore.LIST_ID);
        Key key = new Key(list == null ? 0 : Long.parseLong(list), outcome.placedAt().atZone(zone).getHour());
        synchronized (today) {
            long[] counts = today.computeIfAbsent(key, k -> new long[2]);
            counts[0]++;
            if (routable) {
                counts[1]++;
            }
        }
    }

    /** What was counted since the last save, taken on the thread that counts; {@link #store} adds it to the table. */
    public static final class Counted {
        private final Map<Key, long[]> counts;

        private Counted(Map<Key, long[]> counts) {
            this.counts = counts;
        }

        public boolean isEmpty() {
            return counts.isEmpty();
        }
    }

    /** Takes what was counted since the last save; counting starts again from nothing. */
    public Counted take() {
        synchronized (today) {
            Map<Key, long[]> counted = new HashMap<>(today);
            today.clear();
            return new Counted(counted);
        }
    }

    /** Adds {@code counted} to the table; may run on any thread. */
    public void store(Counted counted, Instant now) {
        if (!counted.isEmpty()) {
            tx.executeWithoutResult(status -> counted.counts.forEach((key, counts) -> add(key, counts[0], counts[1], now)));
        }
    }

    /** Adds what was counted since the last save to the table. */
    public void save(Instant now) {
        store(take(), now);
    }

    private void add(Key key, long dials, long routable, Instant now) {
        List<long[]> stored = jdbc.query("SELECT dials, routable FROM answer_rate_priors WHERE campaign_id = ? AND list_id = ? "
                + "AND hour_of_day = ? FOR UPDATE", (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)},
                campaignId, key.list(), key.hour());
        long totalDials = dials;
        double totalRoutable = routable;
        if (!stored.isEmpty()) {
            // older days count only as far as room is left under KEEP_DIALS
            long[] old = stored.get(0);
            long keptOld = Math.max(0, Math.min(old[0], KEEP_DIALS - Math.min(KEEP_DIALS, dials)));
            totalDials += keptOld;
            totalRoutable += old[0] == 0 ? 0 : (double) old[1] * keptOld / old[0];
        }
        Timestamp at = Timestamp.from(now);
        long keptRoutable = Math.round(totalRoutable);
        if (stored.isEmpty()) {
            jdbc.update("INSERT INTO answer_rate_priors (campaign_id, list_id, hour_of_day, dials, routable, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", campaignId, key.list(), key.hour(), totalDials, keptRoutable, at);
        } else {
            jdbc.update("UPDATE answer_rate_priors SET dials = ?, routable = ?, updated_at = ? WHERE campaign_id = ? "
                    + "AND list_id = ? AND hour_of_day = ?", totalDials, keptRoutable, at, campaignId, key.list(), key.hour());
        }
    }
}
