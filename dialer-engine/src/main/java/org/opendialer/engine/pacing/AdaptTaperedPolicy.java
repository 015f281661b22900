package org.opendialer.engine.pacing;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * For comparison only: VICIdial's ADAPT_TAPERED dial-level controller (AST_VDadapt.pl), the yardstick
 * most call centres know. Every second it samples ready agents, waiting calls and agents logged in;
 * every 15 s it moves the level by (avg ready − avg waiting) / avg logged in, clamped to [1, 3]. Once
 * a minute, if more than 50 calls were placed today and today's drop rate is over the target, it
 * tapers the level towards 1 as the end of the shift nears, and the level may not rise until the day's
 * rate is back under the target; if more than 20 calls were placed in the
 * last minute and over half were dropped, it halves the level. Calls are placed VICIdial-RATIO style:
 * round(level × (ready + on-call agents)) − lines in use.
 */
public final class AdaptTaperedPolicy implements PacingPolicy {

    static final double MAX_LEVEL = 3.0;

    private final LocalTime shiftEnd;
    private final ZoneId zone;
    private double level = 1.0;
    private double sumReady;
    private double sumWaiting;
    private double sumLoggedIn;
    private int samples;
    private long nextAdjustMillis = Long.MIN_VALUE;
    private long nextMinuteMillis;
    private long placedAtMinuteStart;
    private long abandonedAtMinuteStart;
    private boolean overDropLimit;

    public AdaptTaperedPolicy(LocalTime shiftEnd, ZoneId zone) {
        this.shiftEnd = shiftEnd;
        this.zone = zone;
    }

    @Override
    public boolean heldToAbandonCap() {
        return false; // a comparison port, measured as the original behaves
    }

    @Override
    public String name() {
        return "adapt-tapered";
    }

    public double level() {
        return level;
    }

    @Override
    public int callsToPlace(PacingSituation s) {
        long now = s.nowMillis();
        if (nextAdjustMillis == Long.MIN_VALUE) {
            nextAdjustMillis = now + 15_000;
            nextMinuteMillis = now + 60_000;
        }
        sumReady += s.readyAgents();
        sumWaiting += s.waitingCalls();
        sumLoggedIn += s.staffedAgents();
        samples++;
        if (now >= nextAdjustMillis) {
            adjust();
            nextAdjustMillis = now + 15_000;
        }
        if (now >= nextMinuteMillis) {
            checkDrops(s, now);
            nextMinuteMillis = now + 60_000;
        }
        int lines = (int) Math.round(level * (s.readyAgents() + s.onCallAgents()));
        return Math.max(0, lines - s.callsInProgress());
    }

    private void adjust() {
        double loggedIn = sumLoggedIn / samples;
        if (loggedIn > 0) {
            double change = (sumReady / samples - sumWaiting / samples) / loggedIn;
            if (change < 0 || !overDropLimit) {
                level = clamp(level * (1 + change));
            }
        }
        sumReady = 0;
        sumWaiting = 0;
        sumLoggedIn = 0;
        samples = 0;
    }

    private void checkDrops(PacingSituation s, long now) {
        long answersToday = s.governor().todayAnswers();
        overDropLimit = s.callsPlaced() > 50 && answersToday > 0
                && s.governor().todayRate() > s.settings().abandonTarget();
        if (overDropLimit) {
            LocalTime time = Instant.ofEpochMilli(now).atZone(zone).toLocalTime();
            int left = hhmm(shiftEnd) - hhmm(time);
            level = clamp(level * Math.min(1, Math.max(0, left) / 1000.0));
        }
        long placedLastMinute = s.callsPlaced() - placedAtMinuteStart;
        long droppedLastMinute = s.abandoned() - abandonedAtMinuteStart;
        if (placedLastMinute > 20 && droppedLastMinute * 2 > placedLastMinute) {
            level = clamp(level / 2);
        }
        placedAtMinuteStart = s.callsPlaced();
        abandonedAtMinuteStart = s.abandoned();
    }

    private static int hhmm(LocalTime time) {
        return time.getHour() * 100 + time.getMinute();
    }

    private static double clamp(double value) {
        return Math.max(1, Math.min(MAX_LEVEL, value));
    }
}
