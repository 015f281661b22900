package org.opendialer.reports;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.opendialer.reports.lost.LostStatus;
import org.opendialer.reports.ranking.Grade;

/**
 * Which leads a lead report lists: by grade and by customer status; an empty set means any. Counts by grade or
 * status cover the listed leads only.
 */
public record LeadFilter(Set<Grade> grades, Set<LostStatus> statuses) {

    public static final LeadFilter ALL = new LeadFilter(Set.of(), Set.of());

    public LeadFilter {
        grades = Set.copyOf(grades);
        statuses = Set.copyOf(statuses);
    }

    public boolean accepts(Grade grade, LostStatus status) {
        return (grades.isEmpty() || grades.contains(grade)) && (statuses.isEmpty() || statuses.contains(status));
    }

    /** A grade or customer status no one knows; {@code field} is {@code grade} or {@code status}. */
    public static final class UnknownValue extends IllegalArgumentException {

        private final String field;
        private final String reason;

        UnknownValue(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }

        public String field() {
            return field;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * From comma-separated names, as a user gives them ({@code "A,B"}, {@code "lost,at_risk"}).
     *
     * @throws UnknownValue naming the unknown grade or status
     */
    public static LeadFilter parse(String grades, String statuses) {
        Set<Grade> g = EnumSet.noneOf(Grade.class);
        for (String name : names(grades)) {
            try {
                g.add(Grade.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new UnknownValue("grade", "unknown grade '" + name + "'; choose from A, B, C, D");
            }
        }
        Set<LostStatus> s = EnumSet.noneOf(LostStatus.class);
        for (String name : names(statuses)) {
            try {
                s.add(LostStatus.valueOf(name.replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new UnknownValue("status", "unknown customer status '" + name + "'; choose from ACTIVE, AT_RISK, LOST, NEVER");
            }
        }
        return new LeadFilter(g, s);
    }

    private static String[] names(String list) {
        return list == null || list.isBlank() ? new String[0] : list.toUpperCase(Locale.ROOT).trim().split("\\s*,\\s*");
    }
}
