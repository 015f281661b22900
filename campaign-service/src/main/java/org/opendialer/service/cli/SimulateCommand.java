package org.opendialer.service.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opendialer.engine.simulation.PolicyResult;
import org.opendialer.engine.simulation.Scenario;
import org.opendialer.engine.simulation.HindsightTuning;
import org.opendialer.engine.simulation.ScenarioFile;
import org.opendialer.engine.simulation.SimulationReport;
import org.opendialer.engine.simulation.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs pacing policies through simulated campaign days and compares them. Needs no database. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate campaign days under several pacing policies (same callees for each) and compare them.")
public class SimulateCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, paramLabel = "FILE",
            description = "Scenario YAML file, or a bundled scenario: s1-baseline ... s8-tiny-team (s1 ... s8 for short).")
    String scenario;

    @Option(names = "--policy", split = ",", paramLabel = "POLICY",
            defaultValue = "progressive,adapt-tapered,predictive,oracle",
            description = "Comma-separated: predictive, progressive[:factor], power:ratio, adapt-tapered, bp-feedback, oracle, "
                    + "oracle-fixed:margin, fixed-ratio:ratio, agentless. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> policies;

    @Option(names = "--tune", split = ",", paramLabel = "FAMILY",
            description = "References tuned in hindsight on the same days, added to the policies: oracle-fixed (exact release "
                    + "times, the smallest fixed margin that keeps the abandon target, no fallback) and fixed-ratio (the highest "
                    + "fixed dial ratio that keeps it).")
    List<String> tune = List.of();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the first day (default: the scenario's seed).")
    Long seed;

    @Option(names = "--days", defaultValue = "1", paramLabel = "N", description = "Independent days per policy (default 1).")
    int days;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|csv",
            description = "Output format (default table); csv prints a header and one row per policy.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!List.of("table", "json", "csv").contains(format)) {
            throw new UserFacingException("--format must be table, json or csv, not '" + format + "'");
        }
        if (days < 1) {
            throw new UserFacingException("--days must be at least 1");
        }
        Scenario loaded;
        SimulationReport report;
        try {
            loaded = ScenarioFile.load(scenario);
            ScenarioFile.warnings(loaded).forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            long firstSeed = seed == null ? loaded.seed() : seed;
            List<String> all = new java.util.ArrayList<>(policies);
            for (String family : tune) {
                HindsightTuning.Tuned tuned = HindsightTuning.tune(loaded, family.trim(), days, firstSeed);
                spec.commandLine().getErr().printf("tuned %s in hindsight (%d runs)%n", tuned.policy(), tuned.runs());
                all.add(tuned.policy());
            }
            report = Simulator.run(loaded, all, days, firstSeed, true);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(json(report));
        } else if (format.equals("csv")) {
            out.print(csv(report));
        } else {
            table(report, loaded, out);
        }
        out.flush();
        return 0;
    }

    static String json(SimulationReport report) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("scenario", report.scenario());
        root.put("agents", report.agents());
        root.put("days", report.days());
        root.put("firstSeed", report.firstSeed());
        ArrayNode results = root.putArray("results");
        for (PolicyResult r : report.results()) {
            ObjectNode row = results.addObject();
            row.put("policy", r.policy());
            row.put("occupancy", round(r.occupancy()));
            row.put("abandonRate", round(r.abandonRate()));
            row.put("maxHourlyAbandonRate", round(r.maxHourlyAbandonRate()));
            row.put("liveAnswers", r.liveAnswers());
            row.put("abandoned", r.abandoned());
            row.put("callsPlaced", r.callsPlaced());
            row.put("agentHours", round(r.agentHours()));
            row.put("talkHoursPerAgentHour", round(r.talkHoursPerAgentHour()));
            row.put("connectsPerAgentHour", round(r.connectsPerAgentHour()));
            row.put("meanAgentWaitSeconds", round(r.meanAgentWaitSeconds()));
            row.put("p95AgentWaitSeconds", round(r.p95AgentWaitSeconds()));
            row.put("twoSecondCompliance", round(r.twoSecondCompliance()));
            row.put("daysOverTarget", round(r.daysOverTarget()));
        }
        ObjectNode cap = root.putObject("physicalCap");
        cap.put("occupancy", report.capOccupancy());
        cap.put("talkShare", round(report.capTalkShare()));
        return mapper.writeValueAsString(root);
    }

    /** Columns of {@code --format csv}, the form the checked-in results in {@code docs/results/} take. */
    static final List<String> CSV_COLUMNS = List.of("scenario", "agents", "policy", "days", "firstSeed", "occupancy",
            "abandonRate", "maxHourlyAbandonRate", "daysOverTarget", "liveAnswers", "abandoned", "callsPlaced",
            "agentHours", "talkHoursPerAgentHour", "connectsPerAgentHour", "meanAgentWaitSeconds",
            "p95AgentWaitSeconds", "twoSecondCompliance");

    static String csv(SimulationReport report) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            for (PolicyResult r : report.results()) {
                printer.printRecord(report.scenario(), report.agents(), r.policy(), report.days(), report.firstSeed(),
                        fixed(r.occupancy()), fixed(r.abandonRate()), fixed(r.maxHourlyAbandonRate()),
                        fixed(r.daysOverTarget()), r.liveAnswers(), r.abandoned(), r.callsPlaced(), fixed(r.agentHours()),
                        fixed(r.talkHoursPerAgentHour()), fixed(r.connectsPerAgentHour()),
                        fixed(r.meanAgentWaitSeconds()), fixed(r.p95AgentWaitSeconds()), fixed(r.twoSecondCompliance()));
            }
        }
        return text.toString();
    }

    private static String fixed(double value) {
        return String.format(java.util.Locale.ROOT, "%.6f", value);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static void table(SimulationReport report, Scenario scenario, PrintWriter out) {
        out.printf("%s: %d agents, %d day%s from seed %d, abandon target %.1f %%%n", report.scenario(), report.agents(),
                report.days(), report.days() == 1 ? "" : "s", report.firstSeed(), scenario.abandonTarget() * 100);
        out.printf("%-16s %9s %8s %8s %9s %9s %8s %8s %8s %9s %6s %16s%n", "policy", "occupancy", "abandon", "worst-hr",
                "live", "placed", "talk/h", "conn/h", "wait-s", "2s-rule", "over", "decide p50/p99");
        for (PolicyResult r : report.results()) {
            out.printf("%-16s %8.1f%% %7.2f%% %7.2f%% %9d %9d %8.2f %8.1f %8.1f %8.2f%% %5.0f%% %7.3f/%.3f ms%n", r.policy(),
                    r.occupancy() * 100, r.abandonRate() * 100, r.maxHourlyAbandonRate() * 100, r.liveAnswers(),
                    r.callsPlaced(), r.talkHoursPerAgentHour(), r.connectsPerAgentHour(), r.meanAgentWaitSeconds(),
                    r.twoSecondCompliance() * 100, r.daysOverTarget() * 100, r.decisionMillisP50(), r.decisionMillisP99());
        }
        out.printf("%-16s %8.1f%% %7.2f%%   (talk share at most %.1f %%)%n", "physical cap", report.capOccupancy() * 100,
                0.0, report.capTalkShare() * 100);
    }
}
