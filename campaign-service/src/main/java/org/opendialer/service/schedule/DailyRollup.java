package org.opendialer.service.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.opendialer.service.attempt.AttemptQueries;
import org.opendialer.service.attempt.AttemptQueries.DayCounts;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts each campaign's attempts (as {@link AttemptQueries} counts them) per local day (in the campaign's report zone) into
 * {@code campaign_day_stats}, so day/month/year statistics need not scan every attempt. Re-running a day
 * replaces its row.
 */
public class DailyRollup {

    private final JdbcTemplate jdbc;
    private final AttemptQueries attempts;

    public DailyRollup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.attempts = new AttemptQueries(jdbc);
    }

    /** Rolls up yesterday and today (as of {@code now}) for every campaign. */
    public int rollUp(Instant now) {
        int rows = 0;
        for (Map<String, Object> c : jdbc.queryForList("SELECT id, report_zone FROM campaigns")) {
            long id = ((Number) c.get("id")).longValue();
            ZoneId zone = ZoneId.of((String) c.get("report_zone"));
            LocalDate today = LocalDate.ofInstant(now, zone);
            for (LocalDate day : List.of(today.minusDays(1), today)) {
                rows += rollUp(id, zone, day, now);
            }
        }
        return rows;
    }

    public int rollUp(long campaignId, ZoneId zone, LocalDate day, Instant now) {
        Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        DayCounts s = attempts.countsPlaced(campaignId, from.toInstant(), to.toInstant());
        jdbc.update("DELETE FROM campaign_day_stats WHERE campaign_id = ? AND stat_day = ?", campaignId, java.sql.Date.valueOf(day));
        if (s.attempts() == 0) {
            return 0;
        }
        return jdbc.update("INSERT INTO campaign_day_stats (campaign_id, stat_day, attempts, human, machine, busy, no_answer, failed, "
                        + "abandoned, talk_s, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", campaignId,
                java.sql.Date.valueOf(day), s.attempts(), s.human(), s.machine(), s.busy(), s.noAnswer(), s.failed(), s.abandoned(),
                s.talkSeconds(), Timestamp.from(now));
    }
}
