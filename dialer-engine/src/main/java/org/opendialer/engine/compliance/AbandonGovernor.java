package org.opendialer.engine.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.DialerClock;

/**
 * Keeps the books the abandoned-call rules are judged on: live answers and abandons per minute over
 * the rolling window, today's totals, and which numbers may not be redialled yet. Engine-thread only.
 *
 * <p>The rate counts every live answer the dialer saw (a machine passed on as live is, to the dialer,
 * a live answer) and every one it could not connect in time.
 */
public final class AbandonGovernor {

    private static final long MINUTE = 60_000;
    /** Abandons a campaign may run ahead of its allowance before it is forced to progressive. */
    static final double FRESH_ALLOWANCE = 3;

    private final DialerClock clock;
    private final ComplianceSettings settings;
    private final ZoneId zone;
    private final ArrayDeque<long[]> minutes = new ArrayDeque<>(); // {minute start, answers, abandons}
    private final Map<PhoneNumber, Instant> abandonedNumbers = new HashMap<>();
    private long windowAnswers;
    private long windowAbandons;
    private LocalDate today;
    private long todayAnswers;
    private long todayAbandons;

    public AbandonGovernor(DialerClock clock, ComplianceSettings settings, ZoneId zone) {
        this.clock = clock;
        this.settings = settings;
        this.zone = zone;
    }

    public ComplianceSettings settings() {
        return settings;
    }

    /** Loads counts from before this process started (e.g. the last 30 days from the database). */
    public void recordHistory(Instant at, long liveAnswers, long abandons) {
        add(at.toEpochMilli(), liveAnswers, abandons);
    }

    public void liveAnswer() {
        add(clock.nowMillis(), 1, 0);
    }

    public void abandoned(PhoneNumber number) {
        add(clock.nowMillis(), 0, 1);
        if (number != null) {
            abandonedNumbers.put(number, clock.now());
        }
    }

    /** False while the number's last abandoned call is inside the redial ban. */
    public boolean mayRedial(PhoneNumber number) {
        Instant abandonedAt = abandonedNumbers.get(number);
        if (abandonedAt == null) {
            return true;
        }
        if (!clock.now().isBefore(abandonedAt.plus(settings.redialBan()))) {
            abandonedNumbers.remove(number);
            return true;
        }
        return false;
    }

    /** When the number may be dialled again automatically. */
    public Instant redialAllowedAt(PhoneNumber number) {
        Instant abandonedAt = abandonedNumbers.get(number);
        return abandonedAt == null ? clock.now() : abandonedAt.plus(settings.redialBan());
    }

    public double windowRate() {
        prune();
        return windowAnswers == 0 ? 0 : (double) windowAbandons / windowAnswers;
    }

    public long windowAnswers() {
        prune();
        return windowAnswers;
    }

    public long windowAbandons() {
        prune();
        return windowAbandons;
    }

    public double todayRate() {
        rollDay();
        return todayAnswers == 0 ? 0 : (double) todayAbandons / todayAnswers;
    }

    public long todayAnswers() {
        rollDay();
        return todayAnswers;
    }

    public long todayAbandons() {
        rollDay();
        return todayAbandons;
    }

    /**
     * Abandons still allowed in the window before the rate would pass the target; negative once over.
     * A fresh campaign gets three calls of allowance so that its first drops do not stop it.
     */
    public double remainingAllowance() {
        prune();
        return settings.abandonTarget() * windowAnswers - windowAbandons + FRESH_ALLOWANCE;
    }

    /** True when dialling must fall back to progressive (no call without a free agent) to stay legal. */
    public boolean atCap() {
        return remainingAllowance() <= 0;
    }

    private void add(long atMillis, long answers, long abandons) {
        rollDay();
        long minute = atMillis - Math.floorMod(atMillis, MINUTE);
        long[] last = minutes.peekLast();
        if (last != null && last[0] == minute) {
            last[1] += answers;
            last[2] += abandons;
        } else if (last == null || last[0] < minute) {
            minutes.addLast(new long[] {minute, answers, abandons});
        } else {
            insertInOrder(minute, answers, abandons);
        }
        windowAnswers += answers;
        windowAbandons += abandons;
        LocalDate day = Instant.ofEpochMilli(atMillis).atZone(zone).toLocalDate();
        if (day.equals(today)) {
            todayAnswers += answers;
            todayAbandons += abandons;
        }
        prune();
    }

    private void insertInOrder(long minute, long answers, long abandons) {
        ArrayDeque<long[]> rebuilt = new ArrayDeque<>(minutes.size() + 1);
        boolean placed = false;
        for (long[] bucket : minutes) {
            if (!placed && bucket[0] >= minute) {
                if (bucket[0] == minute) {
                    bucket[1] += answers;
                    bucket[2] += abandons;
                } else {
                    rebuilt.addLast(new long[] {minute, answers, abandons});
                }
                placed = true;
            }
            rebuilt.addLast(bucket);
        }
        if (!placed) {
            rebuilt.addLast(new long[] {minute, answers, abandons});
        }
        minutes.clear();
        minutes.addAll(rebuilt);
    }

    private void prune() {
        long oldest = clock.nowMillis() - settings.window().toMillis();
        Iterator<long[]> it = minutes.iterator();
        while (it.hasNext()) {
            long[] bucket = it.next();
            if (bucket[0] + MINUTE > oldest) {
                break;
            }
            windowAnswers -= bucket[1];
            windowAbandons -= bucket[2];
            it.remove();
        }
    }

    private void rollDay() {
        LocalDate now = clock.now().atZone(zone).toLocalDate();
        if (!now.equals(today)) {
            today = now;
            todayAnswers = 0;
            todayAbandons = 0;
            for (long[] bucket : minutes) {
                if (Instant.ofEpochMilli(bucket[0]).atZone(zone).toLocalDate().equals(now)) {
                    todayAnswers += bucket[1];
                    todayAbandons += bucket[2];
                }
            }
        }
    }

}
