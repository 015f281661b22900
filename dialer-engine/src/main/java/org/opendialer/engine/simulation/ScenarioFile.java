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
            "earlyLogout");

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
        Fields f = new Fields(fileName, map);
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

    private static Scenario build(String fileName, Fields f) {
        Fields connectFields = f.section("connect", true);
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
                connectFields.share("failed", 0.03), byHour);
        Distribution wrap = f.distribution("wrapSeconds", null);
        Scenario.Amd amd = null;
        Fields amdFields = f.section("amd", false);
        if (amdFields != null && amdFields.bool("enabled", true)) {
            double told = amdFields.share("toldFalseMachine", Double.NaN);
            if (told > 0.5) {
                throw amdFields.error("toldFalseMachine", "must be at most 0.5 (or left out: unknown, the audit measures it), got "
                        + told);
            }
            amd = new Scenario.Amd(amdFields.share("falseHuman", 0.2), amdFields.share("falseMachine", 0.01), told,
                    amdFields.share("auditShare", Scenario.Amd.DEFAULT_AUDIT_SHARE));
        }
        Fields pause = f.section("postCallPause", false);
        Fields logout = f.section("earlyLogout", false);
        List<Scenario.Break> breaks = new ArrayList<>();
        Object breakList = f.raw("breaks");
        if (breakList instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> m)) {
                    throw f.error("breaks", "each break must be a mapping {atHour, minutes, jitterMinutes}");
                }
                Fields b = new Fields(fileName + ": breaks", m);
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
                logout == null ? 0 : logout.atLeast("jitterMinutes", 0, 0));
        double shiftHours = f.number("shiftHours", 8);
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
        double expectedLiveRate = f.number("expectedLiveRate", connect.humanAt(0));
        if (!(expectedLiveRate > 0 && expectedLiveRate <= 1)) {
            throw f.error("expectedLiveRate", "must be a share above 0 and at most 1, got " + expectedLiveRate);
        }
        double expectedTalk = f.number("expectedTalkSeconds", talk.average());
        if (!(expectedTalk > 0)) {
            throw f.error("expectedTalkSeconds", "must be positive, got " + expectedTalk);
        }
        return new Scenario(f.text("name", fileName.replaceFirst("\\.ya?ml$", "")), f.text("description", ""),
                (int) f.whole("agents", -1, 0, MAX_AGENTS), shiftHours, f.whole("seed", 1001, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) f.whole("trunkLines", 1000, 1, MAX_TRUNK_LINES), abandonTarget,
                f.duration("abandonWindow", Duration.ofDays(30)), maxLines, connect,
                f.distribution("setupSeconds", Distribution.uniform(1.5, 3.5)),
                f.distribution("answerDelaySeconds", Distribution.logNormal(8, 5)),
                f.distribution("machineAnswerSeconds", Distribution.uniform(12, 21)),
                f.number("noAnswerTimeoutSeconds", 22), talk, wrap,
                f.distribution("patienceSeconds", Distribution.constant(30)), amd, f.whole("leads", 1_000_000, 1, 1_000_000_000L),
                expectedTalk, expectedLiveRate, behaviour);
    }

    /** One mapping of the file, with typed getters that name the field on error. */
    private record Fields(String where, Map<?, ?> map) {

        Object raw(String key) {
            return map.get(key);
        }

        IllegalArgumentException error(String key, String problem) {
            return new IllegalArgumentException(where + ": " + key + ": " + problem);
        }

        double number(String key, double fallback) {
            Object value = map.get(key);
            if (value == null) {
                if (fallback == -1) {
                    throw error(key, "is required");
                }
                return fallback;
            }
            if (!(value instanceof Number n)) {
                throw error(key, "must be a number, got '" + value + "'");
            }
            if (!Double.isFinite(n.doubleValue())) {
                throw error(key, "must be a finite number, got " + value);
            }
            return n.doubleValue();
        }

        /** A share of something: 0 to 1. */
        double share(String key, double fallback) {
            double value = number(key, fallback);
            if (value < 0 || value > 1) {
                throw error(key, "must be a share between 0 and 1, got " + value);
            }
            return value;
        }

        double atLeast(String key, double fallback, double least) {
            double value = number(key, fallback);
            if (value < least) {
                throw error(key, "must be at least " + least + ", got " + value);
            }
            return value;
        }

        /** A count: a whole number between {@code min} and {@code max}. */
        long whole(String key, long fallback, long min, long max) {
            Object value = map.get(key);
            if (value == null) {
                if (fallback == -1) {
                    throw error(key, "is required");
                }
                return fallback;
            }
            if (!(value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger)) {
                throw error(key, "must be a whole number, got '" + value + "'");
            }
            java.math.BigInteger n = new java.math.BigInteger(value.toString());
            if (n.compareTo(java.math.BigInteger.valueOf(min)) < 0 || n.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                throw error(key, "must be between " + min + " and " + max + ", got " + value);
            }
            return n.longValue();
        }

        boolean bool(String key, boolean fallback) {
            Object value = map.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Boolean b)) {
                throw error(key, "must be true or false, got '" + value + "'");
            }
            return b;
        }

        String text(String key, String fallback) {
            Object value = map.get(key);
            return value == null ? fallback : String.valueOf(value);
        }

        Fields section(String key, boolean required) {
            Object value = map.get(key);
            if (value == null) {
                if (required) {
                    throw error(key, "is required");
                }
                return null;
            }
            if (!(value instanceof Map<?, ?> m)) {
                throw error(key, "must be a mapping");
            }
            return new Fields(where + ": " + key, m);
        }

        Duration duration(String key, Duration fallback) {
            Object value = map.get(key);
            if (value == null) {
                return fallback;
            }
            String text = String.valueOf(value).trim().toLowerCase();
            try {
                if (text.endsWith("d")) {
                    return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
                }
                if (text.endsWith("h")) {
                    return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
            throw error(key, "must be like 30d or 24h, got '" + value + "'");
        }

        Distribution distribution(String key, Distribution fallback) {
            Object value = map.get(key);
            if (value == null) {
                if (fallback == null) {
                    throw error(key, "is required (e.g. {lognormal: {mean: 180, cv: 1.0}})");
                }
                return fallback;
            }
            if (value instanceof Number n) {
                return Distribution.constant(n.doubleValue());
            }
            if (!(value instanceof Map<?, ?> m) || m.size() != 1) {
                throw error(key, "must be a number or one of {constant: x}, {exponential: mean}, "
                        + "{lognormal: {mean, sd | cv}}, {uniform: [min, max]}");
            }
            Map.Entry<?, ?> entry = m.entrySet().iterator().next();
            String kind = String.valueOf(entry.getKey());
            Object spec = entry.getValue();
            try {
                return switch (kind) {
                    case "constant" -> Distribution.constant(asNumber(key, spec));
                    case "exponential" -> Distribution.exponential(spec instanceof Map<?, ?> sm
                            ? new Fields(where + ": " + key, sm).number("mean", -1) : asNumber(key, spec));
                    case "uniform" -> uniform(key, spec);
                    case "lognormal" -> {
                        if (!(spec instanceof Map<?, ?> sm)) {
                            throw error(key, "lognormal needs {mean, sd} or {mean, cv}");
                        }
                        Fields p = new Fields(where + ": " + key + ".lognormal", sm);
                        double mean = p.number("mean", -1);
                        double sd = sm.containsKey("cv") ? p.number("cv", 1) * mean : p.number("sd", -1);
                        yield Distribution.logNormal(mean, sd);
                    }
                    default -> throw error(key, "unknown distribution '" + kind
                            + "' (use constant, exponential, lognormal or uniform)");
                };
            } catch (IllegalArgumentException e) {
                if (e.getMessage().startsWith(where)) {
                    throw e;
                }
                throw error(key, e.getMessage());
            }
        }

        private Distribution uniform(String key, Object spec) {
            if (spec instanceof List<?> l && l.size() == 2) {
                return Distribution.uniform(asNumber(key, l.get(0)), asNumber(key, l.get(1)));
            }
            if (spec instanceof Map<?, ?> sm) {
                Fields p = new Fields(where + ": " + key + ".uniform", sm);
                return Distribution.uniform(p.number("min", -1), p.number("max", -1));
            }
            throw error(key, "uniform needs [min, max]");
        }

        private double asNumber(String key, Object value) {
            if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw error(key, "must be a finite number, got '" + value + "'");
            }
            return n.doubleValue();
        }
    }
}
