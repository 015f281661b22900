package org.opendialer.engine.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads scenario YAML. Every mistake is reported as one {@link IllegalArgumentException} naming the
 * file and the field, e.g. {@code s1.yaml: talkSeconds: unknown distribution 'gamma'}.
 */
public final class ScenarioFile {

    /** Scenarios shipped in the jar, by short name. */
    public static final List<String> BUNDLED = List.of("s1-baseline", "s2-small-team", "s3-large-floor",
            "s4-drifting-list", "s5-machines-amd", "s6-breaks-and-churn", "s7-short-calls", "s8-tiny-team",
            "s9-big-floor", "s10-thousand-agents");

    private static final Set<String> KNOWN = Set.of("name", "description", "agents", "shiftHours", "seed", "trunkLines",
            "abandonTarget", "abandonWindow", "maxLinesPerAgent", "connect", "setupSeconds", "answerDelaySeconds",
            "machineAnswerSeconds", "noAnswerTimeoutSeconds", "talkSeconds", "wrapSeconds", "patienceSeconds", "amd",
            "leads", "expectedTalkSeconds", "expectedLiveRate", "loginSpreadMinutes", "breaks", "postCallPause",
            "earlyLogout", "logins", "departures", "talkFactor");

    private ScenarioFile() {
    }

    /** Loads a file, or a bundled scenario by name ({@code s1-baseline}) or prefix ({@code s1}). */
    public static Scenario load(String fileOrName) {
        Path path = Path.of(fileOrName);
        if (Files.isRegularFile(path)) {
            try {
                return parse(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("scenario file not found: " + fileOrName);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read scenario file " + fileOrName + ": " + e.getMessage());
            }
        }
        for (String bundled : BUNDLED) {
            if (bundled.equalsIgnoreCase(fileOrName) || bundled.startsWith(fileOrName.toLowerCase() + "-")) {
                return bundled(bundled);
            }
        }
        throw new IllegalArgumentException("scenario '" + fileOrName + "' is neither a file nor a bundled scenario "
                + BUNDLED);
    }

    public static Scenario bundled(String name) {
        try (InputStream in = ScenarioFile.class.getResourceAsStream("/scenarios/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled scenario " + name);
            }
            return parse(name + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled scenario " + name, e);
        }
    }

    public static Scenario parse(String fileName, String yaml) {
        Object root;
        try {
            // a second value for a field would silently win
            root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setLabel(fileName).build()).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            String line = e.getProblemMark().map(m -> " (line " + (m.getLine() + 1) + ")").orElse("");
            throw new IllegalArgumentException(fileName + ": not valid YAML: " + e.getProblem() + line);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(fileName + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(fileName + ": a scenario must be a YAML mapping of fields");
        }
        ScenarioFields f = new ScenarioFields(fileName, map);
        for (Object key : map.keySet()) {
            if (!KNOWN.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(fileName + ": unknown field '" + key + "'; known fields: " + KNOWN);
            }
        }
        try {
            return build(fileName, f);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(fileName)) {
                throw e;
            }
            throw new IllegalArgumentException(fileName + ": " + e.getMessage(), e);
        }
    }

    /** Most agents a scenario may staff: beyond any floor, and it keeps a typo from exhausting memory. */
    static final int MAX_AGENTS = 20_000;
    static final int MAX_TRUNK_LINES = 200_000;

    /**
     * What is legal in a scenario but will not show what the author likely wants to see, one sentence each:
     * trunks too few to carry the floor, so the trunks rather than pacing cap the day.
     */
    public static List<String> warnings(Scenario scenario) {
        List<String> warnings = new ArrayList<>();
        double floorLines = scenario.agents() * Math.min(scenario.maxLinesPerAgent(), 3);
        if (scenario.trunkLines() < floorLines) {
            warnings.add(String.format("%s: trunkLines %d carry fewer lines than %d agents dial at up to %.0f lines each (%.0f):"
                            + " the trunks, not pacing, will cap this floor", scenario.name(), scenario.trunkLines(),
                    scenario.agents(), Math.min(scenario.maxLinesPerAgent(), 3), floorLines));
        }
        return warnings;
    }

    private static Scenario build(String fileName, ScenarioFields f) {
        ScenarioFields connectFields = f.section("connect", true);
        List<double[]> byHour = new ArrayList<>();
        Object points = connectFields.raw("humanByHour");
        if (points != null) {
            if (!(points instanceof List<?> list)) {
                throw f.error("connect.humanByHour", "must be a list of [hour, share] pairs");
            }
            for (Object point : list) {
                if (!(point instanceof List<?> pair) || pair.size() != 2
                        || !(pair.get(0) instanceof Number) || !(pair.get(1) instanceof Number)) {
                    throw f.error("connect.humanByHour", "each point must be [hour, share], got " + point);
                }
                double hour = ((Number) pair.get(0)).doubleValue();
                double share = ((Number) pair.get(1)).doubleValue();
                if (!Double.isFinite(hour) || !Double.isFinite(share) || hour < 0 || share < 0 || share > 1) {
                    throw f.error("connect.humanByHour", "each point must be [hour >= 0, share 0..1], got " + point);
                }
                if (!byHour.isEmpty() && hour < byHour.get(byHour.size() - 1)[0]) {
                    throw f.error("connect.humanByHour", "points must be in order of the hour, " + hour + " comes after "
                            + byHour.get(byHour.size() - 1)[0]);
                }
                byHour.add(new double[] {hour, share});
            }
        }
        if (connectFields.raw("human") == null) {
            throw f.error("connect.human", "is required (share of dials a person answers)");
        }
        Scenario.ConnectModel connect = new Scenario.ConnectModel(connectFields.share("human", 0),
                connectFields.share("machine", 0.15), connectFields.share("busy", 0.05),
                connectFields.share("failed", 0.03), byHour, ScenarioTeamFields.lists(connectFields, fileName));
        int agents = (int) f.whole("agents", -1, 0, MAX_AGENTS);
        double shiftHours = f.number("shiftHours", 8);
        Distribution wrap = f.distribution("wrapSeconds", null);
        Scenario.Amd amd = null;
        ScenarioFields amdFields = f.section("amd", false);
        if (amdFields != null && amdFields.bool("enabled", true)) {
            double told = amdFields.share("toldFalseMachine", Double.NaN);
            if (told > 0.5) {
                throw amdFields.error("toldFalseMachine", "must be at most 0.5 (or left out: unknown, the audit measures it), got "
                        + told);
            }
            amd = new Scenario.Amd(amdFields.share("falseHuman", 0.2), amdFields.share("falseMachine", 0.01), told,
                    amdFields.share("auditShare", Scenario.Amd.DEFAULT_AUDIT_SHARE));
        }
        ScenarioFields pause = f.section("postCallPause", false);
        ScenarioFields logout = f.section("earlyLogout", false);
        List<Scenario.Break> breaks = new ArrayList<>();
        Object breakList = f.raw("breaks");
        if (breakList instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> m)) {
                    throw f.error("breaks", "each break must be a mapping {atHour, minutes, jitterMinutes}");
                }
                ScenarioFields b = new ScenarioFields(fileName + ": breaks", m);
                breaks.add(new Scenario.Break(b.atLeast("atHour", -1, 0), b.atLeast("minutes", 15, 0),
                        b.atLeast("jitterMinutes", 0, 0)));
            }
        } else if (breakList != null) {
            throw f.error("breaks", "must be a list");
        }
        double pauseMin = pause == null ? 30 : pause.atLeast("minSeconds", 30, 0);
        double pauseMax = pause == null ? 120 : pause.atLeast("maxSeconds", 120, 0);
        if (pauseMin > pauseMax) {
            throw f.error("postCallPause", "minSeconds " + pauseMin + " is above maxSeconds " + pauseMax);
        }
        Scenario.AgentBehaviour behaviour = new Scenario.AgentBehaviour(f.atLeast("loginSpreadMinutes", 0, 0), breaks,
                pause == null ? 0 : pause.share("probability", 0), pauseMin, pauseMax,
                logout == null ? 0 : logout.share("share", 0), logout == null ? 0 : logout.atLeast("atHour", 7, 0),
                logout == null ? 0 : logout.atLeast("jitterMinutes", 0, 0),
                ScenarioTeamFields.logins(f, fileName, agents, shiftHours),
                ScenarioTeamFields.departures(f, fileName, agents, shiftHours), talkFactor(f));
        for (Scenario.Break b : breaks) {
            if (b.atHour() > shiftHours) {
                throw f.error("breaks", "a break at hour " + b.atHour() + " is after the " + shiftHours + "-hour shift");
            }
        }
        double abandonTarget = f.number("abandonTarget", 0.03);
        if (!(abandonTarget > 0 && abandonTarget < 1)) {
            throw f.error("abandonTarget", "must be a share between 0 and 1 (exclusive), e.g. 0.03, got " + abandonTarget);
        }
        double maxLines = f.number("maxLinesPerAgent", 5);
        if (maxLines < 1 || maxLines > 10) {
            throw f.error("maxLinesPerAgent", "must be between 1 and 10, got " + maxLines);
        }
        Distribution talk = f.distribution("talkSeconds", null);
        double expectedLiveRate = f.number("expectedLiveRate", connect.humanOnAverage());
        if (!(expectedLiveRate > 0 && expectedLiveRate <= 1)) {
            throw f.error("expectedLiveRate", "must be a share above 0 and at most 1, got " + expectedLiveRate);
        }
        double expectedTalk = f.number("expectedTalkSeconds", talk.average());
        if (!(expectedTalk > 0)) {
            throw f.error("expectedTalkSeconds", "must be positive, got " + expectedTalk);
        }
        return new Scenario(f.text("name", fileName.replaceFirst("\\.ya?ml$", "")), f.text("description", ""),
                agents, shiftHours, f.whole("seed", 1001, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) f.whole("trunkLines", 1000, 1, MAX_TRUNK_LINES), abandonTarget,
                f.duration("abandonWindow", Duration.ofDays(30)), maxLines, connect,
                f.distribution("setupSeconds", Distribution.uniform(1.5, 3.5)),
                f.distribution("answerDelaySeconds", Distribution.logNormal(8, 5)),
                f.distribution("machineAnswerSeconds", Distribution.uniform(12, 21)),
                f.number("noAnswerTimeoutSeconds", 22), talk, wrap,
                f.distribution("patienceSeconds", Distribution.constant(30)), amd, f.whole("leads", 1_000_000, 1, 1_000_000_000L),
                expectedTalk, expectedLiveRate, behaviour);
    }

    /** How much longer or shorter each agent talks than the call's own length, e.g. {lognormal: {mean: 1, cv: 0.3}}. */
    private static Distribution talkFactor(ScenarioFields f) {
        if (f.raw("talkFactor") == null) {
            return null;
        }
        Distribution factor = f.distribution("talkFactor", null);
        if (!(factor.average() > 0)) {
            throw f.error("talkFactor", "must average above 0, got " + factor.average());
        }
        return factor;
    }
}
