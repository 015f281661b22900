package org.opendialer.reports.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A campaign's call statistics over {@code [from, to)}: counts and rates (dial, connect, human, machine,
 * busy, no answer, failed, abandon, AMD share), average talk, wrap and agent wait, calls and talk per agent
 * hour, the abandon rate today / over 24 h / over 30 days as of {@code to}, and the same counts grouped by
 * hour of day, day, month and year in the campaign's zone.
 */
public final class CampaignStatistics {

    /** Everything the campaign report shows. */
    public record Result(CallCounts total, double abandonRateToday, double abandonRate24h, double abandonRate30d,
                         double averageWrapSeconds, double averageAgentWaitSeconds, double agentHours,
                         double callsPerAgentHour, double talkHoursPerAgentHour, Map<Period, Map<String, CallCounts>> byPeriod) {
    }

    private final DataSource dataSource;
    private final java.time.Clock clock;

    public CampaignStatistics(DataSource dataSource) {
        this(dataSource, java.time.Clock.systemUTC());
    }

    /** Agent hours count an open state up to {@code clock}'s now. */
    public CampaignStatistics(DataSource dataSource, java.time.Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Result compute(long campaignId, Instant from, Instant to, ZoneId zone) throws SQLException {
        CallCounts total = new CallCounts();
        CallCounts today = new CallCounts();
        CallCounts day = new CallCounts();
        CallCounts month = new CallCounts();
        Map<Period, Map<String, CallCounts>> byPeriod = new EnumMap<>(Period.class);
        for (Period p : Period.values()) {
            byPeriod.put(p, new TreeMap<>());
        }
        // "today" is the last day of the range: [from, to) ends just before to
        Instant startOfToday = to.minusMillis(1).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Instant windowStart = min(from, to.minus(Duration.ofDays(30)));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT placed_at, result, abandoned, talk_s, amd_status FROM call_attempts "
                     + "WHERE campaign_id = ? AND placed_at >= ? AND placed_at < ?")) {
            ps.setFetchSize(1000);
            ps.setLong(1, campaignId);
            ps.setTimestamp(2, Timestamp.from(windowStart));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getTimestamp(1).toInstant();
                    String result = rs.getString(2);
                    boolean abandoned = rs.getBoolean(3);
                    int talk = rs.getInt(4);
                    boolean amd = rs.getString(5) != null;
                    if (!at.isBefore(to.minus(Duration.ofDays(30)))) {
                        month.add(result, abandoned, talk, amd);
                    }
                    if (!at.isBefore(to.minus(Duration.ofHours(24)))) {
                        day.add(result, abandoned, talk, amd);
                    }
                    if (!at.isBefore(startOfToday)) {
                        today.add(result, abandoned, talk, amd);
                    }
                    if (at.isBefore(from)) {
                        continue;
                    }
                    total.add(result, abandoned, talk, amd);
                    ZonedDateTime local = at.atZone(zone);
                    for (Period p : Period.values()) {
                        byPeriod.get(p).computeIfAbsent(p.key(local), k -> new CallCounts()).add(result, abandoned, talk, amd);
                    }
                }
            }
        }
        AgentTimes times = AgentTimes.read(dataSource, campaignId, null, from, to, clock.instant());
        double agentHours = times.loggedInSeconds() / 3600.0;
        return new Result(total, today.abandonRate(), day.abandonRate(), month.abandonRate(),
                CallCounts.ratio(times.seconds("WRAP_UP"), times.count("WRAP_UP")),
                CallCounts.ratio(times.seconds("READY"), times.count("ON_CALL")), agentHours,
                CallCounts.ratio(total.conversations, agentHours), CallCounts.ratio(total.talkSeconds / 3600.0, agentHours), byPeriod);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
