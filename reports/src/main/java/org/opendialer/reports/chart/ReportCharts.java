package org.opendialer.reports.chart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.jfree.chart.JFreeChart;
import org.opendialer.reports.ReportRequest;
import org.opendialer.reports.stats.CallCounts;
import org.opendialer.reports.stats.CampaignStatistics;
import org.opendialer.reports.stats.Period;
import org.opendialer.reports.stats.ScriptFunnel;

/**
 * The report charts by name, for the HTML report and for the charts API: {@code pacing} (dial level and
 * abandon rate over time), {@code abandon-by-hour}, {@code connect-by-hour}, {@code grades} and {@code funnel}.
 */
public final class ReportCharts {

    public static final List<String> NAMES = List.of("pacing", "abandon-by-hour", "connect-by-hour", "grades", "funnel");

    private final DataSource dataSource;

    public ReportCharts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public JFreeChart chart(String name, ReportRequest r) throws SQLException {
        return switch (name) {
            case "pacing" -> Charts.lines("Dial level (lines per agent) and abandon rate % (rolling window)", "time", "", pacing(r));
            case "abandon-by-hour" -> Charts.bars("Abandon rate by hour of day", "hour", "%", percent(hours(r), CallCounts::abandonRate));
            case "connect-by-hour" -> Charts.bars("Connect rate by hour of day", "hour", "%", percent(hours(r), CallCounts::connectRate));
            case "grades" -> Charts.bars("Leads by grade", "grade", "leads", grades(r));
            case "funnel" -> {
                Map<String, Long> reached = new LinkedHashMap<>();
                new ScriptFunnel(dataSource).compute(r.campaignId(), r.from(), r.to()).forEach(n -> reached.put(n.nodeId(), n.reached()));
                yield Charts.bars("Script funnel", "node", "calls", reached);
            }
            default -> throw new IllegalArgumentException("unknown chart '" + name + "'; choose one of " + NAMES);
        };
    }

    private Map<String, CallCounts> hours(ReportRequest r) throws SQLException {
        CampaignStatistics.Result stats = new CampaignStatistics(dataSource).compute(r.campaignId(), r.from(), r.to(), r.zone());
        return stats.byPeriod().get(Period.HOUR);
    }

    /** Leads by stored grade (as the nightly grading left them). */
    private Map<String, Long> grades(ReportRequest r) throws SQLException {
        Map<String, Long> grades = new java.util.TreeMap<>(Map.of("A", 0L, "B", 0L, "C", 0L, "D", 0L));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT interest_grade, COUNT(*) FROM leads WHERE campaign_id = ? "
                     + "AND interest_grade IS NOT NULL GROUP BY interest_grade")) {
            ps.setLong(1, r.campaignId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    grades.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return grades;
    }

    /** Dial level and the rolling abandon rate from {@code pacing_log}, thinned to at most 240 points. */
    public Map<String, Map<String, ? extends Number>> pacing(ReportRequest r) throws SQLException {
        Map<String, Double> level = new LinkedHashMap<>();
        Map<String, Double> abandon = new LinkedHashMap<>();
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MM-dd HH:mm");
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM pacing_log WHERE campaign_id = ? AND at_time >= ? AND at_time < ?");
             PreparedStatement ps = c.prepareStatement("SELECT at_time, dial_level, abandon_rate FROM pacing_log "
                     + "WHERE campaign_id = ? AND at_time >= ? AND at_time < ? ORDER BY at_time")) {
            for (PreparedStatement p : new PreparedStatement[] {count, ps}) {
                p.setLong(1, r.campaignId());
                p.setTimestamp(2, Timestamp.from(r.from()));
                p.setTimestamp(3, Timestamp.from(r.to()));
            }
            long rows;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
            }
            long every = Math.max(1, rows / 240);
            try (ResultSet rs = ps.executeQuery()) {
                for (long i = 0; rs.next(); i++) {
                    if (i % every == 0) {
                        String at = label.format(rs.getTimestamp(1).toInstant().atZone(r.zone()));
                        level.put(at, rs.getDouble(2));
                        abandon.put(at, Math.round(rs.getDouble(3) * 10000) / 100.0);
                    }
                }
            }
        }
        Map<String, Map<String, ? extends Number>> series = new LinkedHashMap<>();
        series.put("dial level", level);
        series.put("abandon rate %", abandon);
        return series;
    }

    private static Map<String, Double> percent(Map<String, CallCounts> counts, ToDoubleFunction<CallCounts> rate) {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.forEach((k, c) -> out.put(k, Math.round(rate.applyAsDouble(c) * 10000) / 100.0));
        return out;
    }
}
