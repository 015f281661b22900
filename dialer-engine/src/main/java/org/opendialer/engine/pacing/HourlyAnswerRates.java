package org.opendialer.engine.pacing;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Today's resolved dials and routable answers by hour of day, counted as they come: what a campaign keeps
 * so that tomorrow starts where today learnt. Clock thread only.
 */
public final class HourlyAnswerRates {

    private final ZoneId zone;
    private final long[] dials = new long[24];
    private final long[] routable = new long[24];
    private long hourStartMillis = Long.MIN_VALUE;
    private long hourEndMillis = Long.MIN_VALUE;
    private int hour;

    HourlyAnswerRates(ZoneId zone) {
        this.zone = zone;
    }

    void add(long epochMillis, boolean routableAnswer) {
        if (epochMillis < hourStartMillis || epochMillis >= hourEndMillis) {
            var at = Instant.ofEpochMilli(epochMillis).atZone(zone);
            hour = at.getHour();
            var start = at.withMinute(0).withSecond(0).withNano(0);
            hourStartMillis = start.toInstant().toEpochMilli();
            hourEndMillis = start.plusHours(1).toInstant().toEpochMilli();
        }
        dials[hour]++;
        if (routableAnswer) {
            routable[hour]++;
        }
    }

    public long dials(int hourOfDay) {
        return dials[hourOfDay];
    }

    public long routable(int hourOfDay) {
        return routable[hourOfDay];
    }

    /**
     * Today's counts folded into earlier days' priors: per hour, the dials add up (to at most
     * {@link AnswerRatePriors#MAX_PRIOR_DIALS} × 10 worth, so a list that changes is followed) and the share is
     * their pooled share.
     */
    public AnswerRatePriors mergedInto(AnswerRatePriors earlier) {
        AnswerRatePriors.Hour[] old = earlier.hours();
        AnswerRatePriors.Hour[] merged = new AnswerRatePriors.Hour[24];
        double cap = AnswerRatePriors.MAX_PRIOR_DIALS * 10;
        for (int h = 0; h < 24; h++) {
            double oldDials = old[h] == null ? 0 : Math.min(cap - Math.min(cap, dials[h]), old[h].dials());
            double oldRoutable = old[h] == null ? 0 : oldDials * old[h].share();
            double total = oldDials + dials[h];
            merged[h] = total == 0 ? old[h] : new AnswerRatePriors.Hour((oldRoutable + routable[h]) / total, Math.round(total));
        }
        return new AnswerRatePriors(earlier.zone(), merged);
    }
}
