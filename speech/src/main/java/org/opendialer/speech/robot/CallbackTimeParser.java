package org.opendialer.speech.robot;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands when a callee asked to be called back, relative to the callee's own local time: "in an hour",
 * "in 30 minutes", "tomorrow afternoon", "next Monday at 3", "Friday morning", "at 5:30", "later today",
 * "next week". An hour from 1 to 7 without am/pm means the afternoon (nobody asks for a 3 am call). A day
 * without a time means 10:00; a time already past today means tomorrow.
 */
public final class CallbackTimeParser {

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("an", 1), Map.entry("a", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("forty five", 45), Map.entry("half an", 30));
    private static final String NUMBER = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty five|forty|half an|an|a)";
    private static final Pattern IN = Pattern.compile("\\bin " + NUMBER + " (hour|hours|minute|minutes)\\b");
    private static final Pattern AT = Pattern.compile("\\bat " + NUMBER + "(?:[: ](\\d{2}|thirty|fifteen|forty five))?\\s*(am|pm|a m|p m|in the morning|in the evening|o'clock|oclock)?");

    private CallbackTimeParser() {
    }

    public static Optional<ZonedDateTime> parse(String said, ZonedDateTime now) {
        if (said == null) {
            return Optional.empty();
        }
        String s = " " + said.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9: ']", " ").replaceAll("\\s+", " ") + " ";
        Matcher in = IN.matcher(s);
        if (in.find()) {
            int n = number(in.group(1));
            boolean hours = in.group(2).startsWith("hour");
            if (in.group(1).equals("half an")) {
                return Optional.of(now.plusMinutes(30).truncatedTo(ChronoUnit.MINUTES));
            }
            return Optional.of((hours ? now.plusHours(n) : now.plusMinutes(n)).truncatedTo(ChronoUnit.MINUTES));
        }
        ZonedDateTime day = null;
        if (s.contains(" day after tomorrow ")) {
            day = now.plusDays(2);
        } else if (s.contains(" tomorrow ")) {
            day = now.plusDays(1);
        } else if (s.contains(" today ") || s.contains(" tonight ") || s.contains(" this evening ") || s.contains(" this afternoon ")
                || s.contains(" later ")) {
            day = now;
        } else if (s.contains(" next week ")) {
            day = now.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        } else {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (s.contains(" " + d.name().toLowerCase(Locale.ROOT) + " ")) {
                    day = now.with(TemporalAdjusters.next(d));
                }
            }
        }
        LocalTime time = null;
        Matcher at = AT.matcher(s);
        if (at.find()) {
            int hour = number(at.group(1));
            int minute = at.group(2) == null ? 0 : at.group(2).matches("\\d+") ? Integer.parseInt(at.group(2)) : number(at.group(2));
            String suffix = at.group(3) == null ? "" : at.group(3).replace(" ", "");
            if ((suffix.equals("pm") || suffix.contains("evening") || (suffix.isEmpty() || suffix.contains("clock")) && hour >= 1 && hour <= 7)
                    && hour < 12) {
                hour += 12;
            }
            if (hour > 23 || minute > 59) {
                return Optional.empty();
            }
            time = LocalTime.of(hour, minute);
        } else if (s.contains(" morning ")) {
            time = LocalTime.of(10, 0);
        } else if (s.contains(" noon ") || s.contains(" lunch")) {
            time = LocalTime.of(12, 0);
        } else if (s.contains(" afternoon ")) {
            time = LocalTime.of(15, 0);
        } else if (s.contains(" evening ") || s.contains(" tonight ")) {
            time = LocalTime.of(19, 0);
        } else if (s.contains(" later ") && day == now) {
            return Optional.of(now.plusHours(2).truncatedTo(ChronoUnit.MINUTES));
        }
        if (day == null && time == null) {
            return Optional.empty();
        }
        if (day == null) {
            ZonedDateTime today = now.with(time).truncatedTo(ChronoUnit.MINUTES);
            return Optional.of(today.isAfter(now) ? today : today.plusDays(1));
        }
        ZonedDateTime when = day.with(time == null ? LocalTime.of(10, 0) : time).truncatedTo(ChronoUnit.MINUTES);
        return Optional.of(when.isAfter(now) ? when : when.plusDays(1));
    }

    private static int number(String text) {
        return text.matches("\\d+") ? Integer.parseInt(text) : NUMBERS.getOrDefault(text, 1);
    }
}
