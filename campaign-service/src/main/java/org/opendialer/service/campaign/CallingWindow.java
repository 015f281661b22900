package org.opendialer.service.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * When a campaign may ring a callee, in the callee's own local time: the days of the week, a start and an
 * end time, and holidays on which nobody is called. Checked in each lead's time zone, so a campaign
 * spanning New York and Los Angeles calls each number only between, say, 08:00 and 21:00 where it rings.
 *
 * <p>Daylight-saving changes are handled by {@link ZonedDateTime}: a window start that falls into a
 * spring-forward gap opens at the first valid instant after it.
 */
public record CallingWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, Set<LocalDate> holidays) {

    public static final CallingWindow DEFAULT = new CallingWindow(EnumSet.allOf(DayOfWeek.class),
            LocalTime.of(8, 0), LocalTime.of(21, 0), Set.of());

    /** How far ahead {@link #nextOpening} looks; a window closed longer than this is treated as never open. */
    private static final int LOOKAHEAD_DAYS = 400;

    public CallingWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a calling window needs at least one day of the week");
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the calling window must start before it ends (" + start + " - " + end + ")");
        }
        days = Set.copyOf(days);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** True when a callee in {@code zone} may be rung at {@code at}. */
    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!callingDay(day)) {
            return false;
        }
        return !at.isBefore(opening(day, zone)) && at.isBefore(closing(day, zone));
    }

    /** {@code at} itself when the window is open then, else the next instant it opens for {@code zone}. */
    public Optional<Instant> nextOpening(Instant at, ZoneId zone) {
        if (isOpen(at, zone)) {
            return Optional.of(at);
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int i = 0; i < LOOKAHEAD_DAYS; i++, day = day.plusDays(1)) {
            if (callingDay(day)) {
                Instant opens = opening(day, zone);
                if (opens.isAfter(at)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }

    private boolean callingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private Instant opening(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, start, zone).toInstant();
    }

    /** The last minute a time field can hold: a window ending then runs to midnight. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    private Instant closing(LocalDate day, ZoneId zone) {
        if (end.equals(END_OF_DAY)) {
            return day.plusDays(1).atStartOfDay(zone).toInstant(); // "until 23:59" means all day, not a minute short
        }
        return ZonedDateTime.of(day, end, zone).toInstant();
    }

    /** Days as stored, e.g. {@code MON,TUE,WED}. */
    public String daysText() {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    public String holidaysText() {
        return new TreeSet<>(holidays).stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    /**
     * Parses stored or user-given text; throws {@link IllegalArgumentException} naming the bad part.
     *
     * @param daysText {@code MON,TUE,...} (three-letter or full English names, any case)
     * @param holidaysText ISO dates, comma separated; blank for none
     */
    public static CallingWindow parse(String daysText, LocalTime start, LocalTime end, String holidaysText) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : daysText == null ? new String[0] : daysText.split(",")) {
            String name = part.trim().toUpperCase();
            if (name.isEmpty()) {
                continue;
            }
            days.add(Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(name) && name.length() >= 3)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + part.trim() + "' is not a day of the week (use MON..SUN)")));
        }
        Set<LocalDate> holidays = new TreeSet<>();
        for (String part : holidaysText == null ? new String[0] : holidaysText.split(",")) {
            if (!part.isBlank()) {
                try {
                    holidays.add(LocalDate.parse(part.trim()));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("holiday '" + part.trim() + "' is not an ISO date (YYYY-MM-DD)");
                }
            }
        }
        return new CallingWindow(days, start, end, holidays);
    }
}
