package org.opendialer.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the parts of a scenario file that describe who is on the floor when, and which lists they call: login
 * cohorts, exact departures, lists mixed by share. Each entry is checked on its own (file, field, entry number)
 * and against the team: cohorts must staff every agent, departures cannot take more than there are.
 */
final class ScenarioTeamFields {

    private ScenarioTeamFields() {
    }

    /** {@code logins: [{agents: 60, atMinute: 0, spreadMinutes: 10}, ...]}: empty when not given. */
    static List<Scenario.Cohort> logins(ScenarioFields f, String fileName, int agents, double shiftHours) {
        List<Scenario.Cohort> cohorts = new ArrayList<>();
        int staffed = 0;
        for (ScenarioFields entry : entries(f, fileName, "logins", Set.of("agents", "atMinute", "spreadMinutes"))) {
            int n = (int) entry.whole("agents", -1, 1, ScenarioFile.MAX_AGENTS);
            double at = entry.atLeast("atMinute", 0, 0);
            if (at >= shiftHours * 60) {
                throw entry.error("atMinute", "must be inside the " + shiftHours + "-hour shift, got " + at);
            }
            cohorts.add(new Scenario.Cohort(n, at, entry.atLeast("spreadMinutes", 0, 0)));
            staffed += n;
        }
        if (!cohorts.isEmpty() && staffed != agents) {
            throw f.error("logins", "the cohorts log in " + staffed + " agents, but the scenario has " + agents);
        }
        if (!cohorts.isEmpty() && f.raw("loginSpreadMinutes") != null) {
            throw f.error("logins", "give either logins or loginSpreadMinutes, not both");
        }
        return cohorts;
    }

    /** {@code departures: [{agents: 30, atHour: 4, jitterMinutes: 5}, ...]}: empty when not given. */
    static List<Scenario.Departure> departures(ScenarioFields f, String fileName, int agents, double shiftHours) {
        List<Scenario.Departure> departures = new ArrayList<>();
        int leaving = 0;
        for (ScenarioFields entry : entries(f, fileName, "departures", Set.of("agents", "atHour", "jitterMinutes"))) {
            int n = (int) entry.whole("agents", -1, 1, ScenarioFile.MAX_AGENTS);
            double at = entry.atLeast("atHour", -1, 0);
            if (at > shiftHours) {
                throw entry.error("atHour", "must be inside the " + shiftHours + "-hour shift, got " + at);
            }
            departures.add(new Scenario.Departure(n, at, entry.atLeast("jitterMinutes", 0, 0)));
            leaving += n;
        }
        if (leaving > agents) {
            throw f.error("departures", leaving + " agents leave, but the scenario has only " + agents);
        }
        return departures;
    }

    /** {@code connect.lists: [{share: 0.6, human: 0.35}, ...]}: shares adding up to 1; empty when not given. */
    static List<Scenario.ListMix> lists(ScenarioFields connect, String fileName) {
        List<Scenario.ListMix> lists = new ArrayList<>();
        double total = 0;
        for (ScenarioFields entry : entries(connect, fileName + ": connect", "lists", Set.of("share", "human"))) {
            double share = entry.share("share", -1);
            if (share == 0) {
                throw entry.error("share", "must be above 0");
            }
            lists.add(new Scenario.ListMix(share, entry.share("human", -1)));
            total += share;
        }
        if (!lists.isEmpty() && Math.abs(total - 1) > 1e-9) {
            throw connect.error("lists", "the lists' shares must add up to 1, they add up to " + total);
        }
        if (!lists.isEmpty() && connect.raw("humanByHour") != null) {
            throw connect.error("lists", "give either lists or humanByHour, not both");
        }
        return lists;
    }

    /** The mappings of a list field, each named by its place ({@code logins[2]}) and holding only known keys. */
    private static List<ScenarioFields> entries(ScenarioFields f, String where, String key, Set<String> known) {
        Object value = f.raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw f.error(key, "must be a list of mappings " + known);
        }
        List<ScenarioFields> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw f.error(key + "[" + (i + 1) + "]", "must be a mapping of " + known + ", got " + list.get(i));
            }
            for (Object k : m.keySet()) {
                if (!known.contains(String.valueOf(k))) {
                    throw f.error(key + "[" + (i + 1) + "]", "unknown field '" + k + "'; known fields: " + known);
                }
            }
            entries.add(new ScenarioFields(where + ": " + key + "[" + (i + 1) + "]", m));
        }
        return entries;
    }
}
