package org.opendialer.service.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts each campaign's attempts per local day (in the campaign's report zone) into
 * {@code campaign_day_stats}, so day/month/year statistics need not scan every attempt. Re-running a day
 * replaces its row.
 */
public class DailyRollup {

    private final JdbcTemplate jdbc;

    public DailyRollup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        Map<String, Object> s = jdbc.queryForMap("SELECT COUNT(*) AS attempts, "
                + "COALESCE(SUM(CASE WHEN result = 'HUMAN' THEN 1 ELSE 0 END), 0) AS human, "
                + "COALESCE(SUM(CASE WHEN result = 'MACHINE' THEN 1 ELSE 0 END), 0) AS machine, "
                + "COALESCE(SUM(CASE WHEN result = 'BUSY' THEN 1 ELSE 0 END), 0) AS busy, "
                + "COALESCE(SUM(CASE WHEN result = 'NO_ANSWER' THEN 1 ELSE 0 END), 0) AS no_answer, "
                + "COALESCE(SUM(CASE WHEN result IN ('FAILED','CONGESTION','REJECTED','INVALID_NUMBER') THEN 1 ELSE 0 END), 0) AS failed, "
                + "COALESCE(SUM(CASE WHEN abandoned THEN 1 ELSE 0 END), 0) AS abandoned, "
                + "COALESCE(SUM(talk_s), 0) AS talk_s FROM call_attempts WHERE campaign_id = ? AND placed_at >= ? AND placed_at < ?",
                campaignId, from, to);
        jdbc.update("DELETE FROM campaign_day_stats WHERE campaign_id = ? AND stat_day = ?", campaignId, java.sql.Date.valueOf(day));
        if (((Number) s.get("attempts")).longValue() == 0) {
            return 0;
        }
        return jdbc.update("INSERT INTO campaign_day_stats (campaign_id, stat_day, attempts, human, machine, busy, no_answer, failed, "
                        + "abandoned, talk_s, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", campaignId,
                java.sql.Date.valueOf(day), n(s, "attempts"), n(s, "human"), n(s, "machine"), n(s, "busy"), n(s, "no_answer"),
                n(s, "failed"), n(s, "abandoned"), ((Number) s.get("talk_s")).longValue(), Timestamp.from(now));
    }

    private static int n(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).intValue();
    }
}
