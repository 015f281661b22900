package org.opendialer.engine.pacing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * What earlier days learnt of a campaign's answer share by hour of day (in the campaign's zone): for each
 * hour the share of dials that became routable answers and how many dials showed it. A day starts from
 * the share of the hour it starts in, instead of the manager's expectation.
 *
 * @param zone  the zone the hours are counted in
 * @param hours 24 entries, hour 0 first; null where no day dialled in that hour
 */
public record AnswerRatePriors(ZoneId zone, Hour[] hours) {

    /** A prior rests on at most this many dials: the list changes from day to day, today soon outweighs it. */
    public static final double MAX_PRIOR_DIALS = 200;

    public AnswerRatePriors {
        Objects.requireNonNull(zone, "zone");
        if (hours == null || hours.length != 24) {
            throw new IllegalArgumentException("answer-rate priors need 24 hours");
        }
        hours = hours.clone();
    }

    public static AnswerRatePriors none() {
        return none(ZoneOffset.UTC);
    }

    /** No earlier day: the expectation is all there is; today's hours are counted in {@code zone}. */
    public static AnswerRatePriors none(ZoneId zone) {
        return new AnswerRatePriors(zone, new Hour[24]);
    }

    /** The prior for the hour of day {@code epochMillis} falls in, or null. */
    public Hour at(long epochMillis) {
        return hours[Instant.ofEpochMilli(epochMillis).atZone(zone).getHour()];
    }

    @Override
    public Hour[] hours() {
        return hours.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnswerRatePriors other && zone.equals(other.zone) && Arrays.equals(hours, other.hours);
    }

    @Override
    public int hashCode() {
        return 31 * zone.hashCode() + Arrays.hashCode(hours);
    }

    @Override
    public String toString() {
        return "AnswerRatePriors[" + zone + ", " + Arrays.toString(hours) + "]";
    }

    /** One hour of day: the routable share of {@code dials} dials. */
    public record Hour(double share, long dials) {
        public Hour {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("an hour's answer share must be between 0 and 1, was " + share);
            }
            if (dials < 0) {
                throw new IllegalArgumentException("an hour's dials must not be negative, was " + dials);
            }
        }
    }
}
