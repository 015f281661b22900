package org.opendialer.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.opendialer.reports.chart.Charts;
import org.opendialer.reports.export.CsvTableWriter;
import org.opendialer.reports.export.HtmlReport;
import org.opendialer.reports.export.TableWriter;
import org.opendialer.reports.export.XlsxTableWriter;
import org.opendialer.reports.lost.LostCustomerRules;
import org.opendialer.reports.lost.LostStatus;
import org.opendialer.reports.ranking.Grade;
import org.opendialer.reports.ranking.GradingWeights;
import org.opendialer.reports.ranking.InterestScorer;
import org.opendialer.reports.ranking.LeadReports;
import org.opendialer.reports.ranking.LeadStream;
import org.opendialer.reports.stats.AgentStatistics;
import org.opendialer.reports.stats.CallCounts;
import org.opendialer.reports.stats.CampaignStatistics;
import org.opendialer.reports.stats.Period;
import org.opendialer.reports.stats.ScriptFunnel;

/** Produces any report in any format; what the CLI's {@code report} command and the REST API call. */
public final class Reports {

    static final int HTML_ROWS = 1000;
    public static final List<String> CAMPAIGN_COLUMNS = List.of("period_type", "period", "attempts", "connects", "connect_rate",
            "human", "human_rate", "machine", "busy", "no_answer", "failed", "abandoned", "abandon_rate", "amd_share",
            "avg_talk_s", "talk_h", "abandon_rate_today", "abandon_rate_24h", "abandon_rate_30d", "avg_wrap_s",
            "avg_agent_wait_s", "agent_hours", "calls_per_agent_hour", "talk_h_per_agent_hour");
    public static final List<String> AGENT_COLUMNS = List.of("agent_id", "agent", "calls", "talk_h", "wrap_h", "paused_h",
            "pause_by_reason_min", "logged_in_h", "occupancy", "dispositions", "sales", "callbacks_kept");
    public static final List<String> FUNNEL_COLUMNS = List.of("node", "reached", "ended_here", "answers");

    private final DataSource dataSource;
    private final java.time.Clock clock;

    public Reports(DataSource dataSource) {
        this(dataSource, java.time.Clock.systemUTC());
    }

    /** Reports as of {@code clock}'s now: an agent still logged in has worked until now, not until the range's end. */
    public Reports(DataSource dataSource, java.time.Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void write(ReportRequest request, OutputStream out) throws IOException, SQLException {
        if (request.format() == ReportFormat.HTML) {
            org.opendialer.reports.export.ReportWords words = org.opendialer.reports.export.ReportWords.of(request.language());
            java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(request.zone());
            try (HtmlReport html = new HtmlReport(out, words.say(sheetName(request.type())) + " - " + request.campaignName(), words)) {
                html.paragraph(at.format(request.from()) + " to " + at.format(request.to()) + " (" + request.zone() + ")");
                writeHtml(request, html);
            }
            return;
        }
        try (TableWriter table = request.format() == ReportFormat.CSV ? new CsvTableWriter(out, request.bom())
                : new XlsxTableWriter(out, sheetName(request.type()))) {
            writeTable(request, table);
        }
    }

    private static String sheetName(ReportType type) {
        return switch (type) {
            case LEADS -> "Leads by interest";
            case LOST_CUSTOMERS -> "Lost customers";
            case CAMPAIGN -> "Campaign statistics";
            case AGENTS -> "Agent statistics";
            case FUNNEL -> "Script funnel";
        };
    }

    private LeadReports leadReports(ReportRequest r) {
        GradingWeights weights = r.gradingWeights() == null || r.gradingWeights().isBlank() ? GradingWeights.DEFAULT
                : GradingWeights.parse(r.gradingWeights());
        return new LeadReports(new LeadStream(dataSource, new InterestScorer(weights), LostCustomerRules.standard(), r.today()), r.language());
    }

    /** Writes the report's table; for leads returns nothing more, the HTML variant adds charts. */
    private void writeTable(ReportRequest r, TableWriter table) throws IOException, SQLException {
        switch (r.type()) {
            case LEADS -> leadReports(r).leads(r.campaignId(), r.leads(), table);
            case LOST_CUSTOMERS -> leadReports(r).lostCustomers(r.campaignId(), r.leads(), table);
            case CAMPAIGN -> campaignTable(new CampaignStatistics(dataSource, clock).compute(r.campaignId(), r.from(), r.to(), r.zone()), table);
            case AGENTS -> agentTable(new AgentStatistics(dataSource).compute(r.campaignId(), r.from(), r.to(), clock.instant()), table);
            case FUNNEL -> funnelTable(new ScriptFunnel(dataSource).compute(r.campaignId(), r.from(), r.to()), table);
        }
    }

    private void writeHtml(ReportRequest r, HtmlReport html) throws IOException, SQLException {
        org.opendialer.reports.export.ReportWords words = org.opendialer.reports.export.ReportWords.of(r.language());
        switch (r.type()) {
            case LEADS -> {
                Map<Grade, Long> grades;
                try (TableWriter table = html.heading("Leads, most interested first").table(HTML_ROWS)) {
                    grades = leadReports(r).leads(r.campaignId(), r.leads(), table);
                }
                Map<String, Long> byGrade = new LinkedHashMap<>();
                grades.forEach((g, n) -> byGrade.put(g.name(), n));
                html.heading("Grade distribution").chart(svg(words, Charts.bars("Leads by grade", "grade", "leads", byGrade)));
            }
            case LOST_CUSTOMERS -> {
                Map<LostStatus, Long> counts;
                try (TableWriter table = html.heading("Win-back list: lost customers by recovery potential, then those at risk")
                        .table(HTML_ROWS)) {
                    counts = leadReports(r).lostCustomers(r.campaignId(), r.leads(), table);
                }
                Map<String, Long> byStatus = new LinkedHashMap<>();
                counts.forEach((s, n) -> byStatus.put(s.name(), n));
                html.heading("Customer status").chart(svg(words, Charts.bars("Leads by customer status", "status", "leads", byStatus)));
            }
            case CAMPAIGN -> {
                org.opendialer.reports.chart.ReportCharts charts = new org.opendialer.reports.chart.ReportCharts(dataSource);
                html.heading("Abandon rate by hour").chart(svg(words, charts.chart("abandon-by-hour", r)));
                if (!charts.pacing(r).get("dial level").isEmpty()) {
                    html.heading("Dial level and abandon rate over time").chart(svg(words, charts.chart("pacing", r)));
                }
                html.heading("Connect rate by hour").chart(svg(words, charts.chart("connect-by-hour", r)));
                try (TableWriter table = html.heading("Statistics").table(HTML_ROWS)) {
                    campaignTable(new CampaignStatistics(dataSource, clock).compute(r.campaignId(), r.from(), r.to(), r.zone()), table);
                }
            }
            case AGENTS -> {
                try (TableWriter table = html.heading("Agents").table(HTML_ROWS)) {
                    agentTable(new AgentStatistics(dataSource).compute(r.campaignId(), r.from(), r.to(), clock.instant()), table);
                }
            }
            case FUNNEL -> {
                List<ScriptFunnel.Node> nodes = new ScriptFunnel(dataSource).compute(r.campaignId(), r.from(), r.to());
                html.heading("Callees reaching each node").chart(svg(words, new org.opendialer.reports.chart.ReportCharts(dataSource)
                        .chart("funnel", r)));
                try (TableWriter table = html.heading("Nodes").table(HTML_ROWS)) {
                    funnelTable(nodes, table);
                }
            }
        }
    }

    static double round(double value, int places) {
        double f = Math.pow(10, places);
        return Math.round(value * f) / f;
    }

    private static void campaignTable(CampaignStatistics.Result s, TableWriter table) throws IOException {
        table.header(CAMPAIGN_COLUMNS);
        List<Object> total = counts("TOTAL", "", s.total());
        total.addAll(List.of(round(s.abandonRateToday(), 4), round(s.abandonRate24h(), 4), round(s.abandonRate30d(), 4),
                round(s.averageWrapSeconds(), 1), round(s.averageAgentWaitSeconds(), 1), round(s.agentHours(), 2),
                round(s.callsPerAgentHour(), 2), round(s.talkHoursPerAgentHour(), 3)));
        table.row(total);
        for (Period p : Period.values()) {
            for (Map.Entry<String, CallCounts> e : s.byPeriod().get(p).entrySet()) {
                table.row(counts(p.name(), e.getKey(), e.getValue()));
            }
        }
    }

    private static List<Object> counts(String type, String period, CallCounts c) {
        return new ArrayList<>(List.of(type, period, c.attempts(), c.connects(), round(c.connectRate(), 4), c.human(),
                round(c.humanRate(), 4), c.machine(), c.busy(), c.noAnswer(), c.failed(), c.abandoned(), round(c.abandonRate(), 4),
                round(c.amdShare(), 4), round(c.averageTalkSeconds(), 1), round(c.talkSeconds() / 3600.0, 2)));
    }

    private static void agentTable(List<AgentStatistics.Row> rows, TableWriter table) throws IOException {
        table.header(AGENT_COLUMNS);
        for (AgentStatistics.Row a : rows) {
            table.row(List.of(a.agentId(), a.username(), a.calls(), round(a.talkSeconds() / 3600, 2), round(a.wrapSeconds() / 3600, 2),
                    round(a.pausedSeconds() / 3600, 2), a.pauseByReason().entrySet().stream()
                            .map(e -> e.getKey() + "=" + Math.round(e.getValue() / 60)).collect(Collectors.joining("; ")),
                    round(a.loggedInSeconds() / 3600, 2), round(a.occupancy(), 4), a.dispositions().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")), a.sales(), a.callbacksKept()));
        }
    }

    private static void funnelTable(List<ScriptFunnel.Node> nodes, TableWriter table) throws IOException {
        table.header(FUNNEL_COLUMNS);
        for (ScriptFunnel.Node n : nodes) {
            table.row(List.of(n.nodeId(), n.reached(), n.endedHere(), n.answers().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "))));
        }
    }

    /**
     * The chart as SVG with its title already in the reader's words: a long title is wrapped into several lines when
     * drawn, and a wrapped line would no longer match its translation.
     */
    private static String svg(org.opendialer.reports.export.ReportWords words, org.jfree.chart.JFreeChart chart) {
        if (chart.getTitle() != null) {
            chart.setTitle(words.say(chart.getTitle().getText()));
        }
        return Charts.svg(chart);
    }
}
