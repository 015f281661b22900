package org.opendialer.engine.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One mapping of a scenario file, with typed getters that name the file and the field on error. */
record ScenarioFields(String where, Map<?, ?> map) {

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

    ScenarioFields section(String key, boolean required) {
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
        return new ScenarioFields(where + ": " + key, m);
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
                        ? new ScenarioFields(where + ": " + key, sm).number("mean", -1) : asNumber(key, spec));
                case "uniform" -> uniform(key, spec);
                case "lognormal" -> {
                    if (!(spec instanceof Map<?, ?> sm)) {
                        throw error(key, "lognormal needs {mean, sd} or {mean, cv}");
                    }
                    ScenarioFields p = new ScenarioFields(where + ": " + key + ".lognormal", sm);
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
            ScenarioFields p = new ScenarioFields(where + ": " + key + ".uniform", sm);
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
