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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads scenario YAML. Every mistake is reported as one {@link IllegalArgumentException} naming the
 * file and the field, e.g. {@code s1.yaml: talkSeconds: unknown distribution 'gamma'}.
 */
public final class ScenarioFile {

    /** Scenarios shipped in the jar, by short name. */
    public static final List<String> BUNDLED = List.of("s1-baseline", "s2-small-team", "s3-large-floor",
            "s4-drifting-list", "s5-machines-amd", "s6-breaks-and-churn", "s7-short-calls", "s8-tiny-team");

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
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
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
                byHour.add(new double[] {((Number) pair.get(0)).doubleValue(), ((Number) pair.get(1)).doubleValue()});
            }
        }
        Scenario.ConnectModel connect = new Scenario.ConnectModel(connectFields.number("human", -1),
                connectFields.number("machine", 0.15), connectFields.number("busy", 0.05),
                connectFields.number("failed", 0.03), byHour);
        if (connect.human() < 0) {
            throw f.error("connect.human", "is required (share of dials a person answers)");
        }
        Distribution talk = f.distribution("talkSeconds", null);
        Distribution wrap = f.distribution("wrapSeconds", null);
        Scenario.Amd amd = null;
        Fields amdFields = f.section("amd", false);
        if (amdFields != null && amdFields.bool("enabled", true)) {
            amd = new Scenario.Amd(amdFields.number("falseHuman", 0.2), amdFields.number("falseMachine", 0.01));
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
                breaks.add(new Scenario.Break(b.number("atHour", -1), b.number("minutes", 15), b.number("jitterMinutes", 0)));
            }
        } else if (breakList != null) {
            throw f.error("breaks", "must be a list");
        }
        Scenario.AgentBehaviour behaviour = new Scenario.AgentBehaviour(f.number("loginSpreadMinutes", 0), breaks,
                pause == null ? 0 : pause.number("probability", 0), pause == null ? 30 : pause.number("minSeconds", 30),
                pause == null ? 120 : pause.number("maxSeconds", 120), logout == null ? 0 : logout.number("share", 0),
                logout == null ? 0 : logout.number("atHour", 7), logout == null ? 0 : logout.number("jitterMinutes", 0));
        double shiftHours = f.number("shiftHours", 8);
        return new Scenario(f.text("name", fileName.replaceFirst("\\.ya?ml$", "")), f.text("description", ""),
                (int) f.number("agents", -1), shiftHours, (long) f.number("seed", 1001),
                (int) f.number("trunkLines", 1000), f.number("abandonTarget", 0.03),
                f.duration("abandonWindow", Duration.ofDays(30)), f.number("maxLinesPerAgent", 5), connect,
                f.distribution("setupSeconds", Distribution.uniform(1.5, 3.5)),
                f.distribution("answerDelaySeconds", Distribution.logNormal(8, 5)),
                f.distribution("machineAnswerSeconds", Distribution.uniform(12, 21)),
                f.number("noAnswerTimeoutSeconds", 22), talk, wrap,
                f.distribution("patienceSeconds", Distribution.constant(30)), amd, (long) f.number("leads", 1_000_000),
                f.number("expectedTalkSeconds", talk.average()), f.number("expectedLiveRate", connect.humanAt(0)),
                behaviour);
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
            return n.doubleValue();
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
            if (!(value instanceof Number n)) {
                throw error(key, "must be a number, got '" + value + "'");
            }
            return n.doubleValue();
        }
    }
}
