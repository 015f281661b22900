package org.opendialer.engine.pacing;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentState;

/**
 * What the dialer has learnt from its own calls, online: how likely a dial is to become a routable
 * answer (tracking drift through the day), how long dials take to resolve, and how long agents talk and
 * wrap up. From these it forecasts, for each busy agent, the chance of being free within a horizon
 * given the phase the agent is in and how long it has been there, and for each dial still ringing,
 * the chance it will still become a live answer.
 *
 * <p>Only what the dialer can see is used: answer or not, when, how long the agent talked. Priors come
 * from the campaign's expectations (Commons Math log-normal and uniform distributions) and fade as
 * calls are made.
 */
public final class CallStatistics {

    /** A talk shorter than this looks like an answering machine or a wrong party: short wrap follows. */
    static final double SHORT_TALK_SECONDS = 20;
    /**
     * The answer share remembers about this many seconds of dials: the same stretch of the day on a floor of
     * five agents and of a thousand (a count of dials would be hours on one and seconds on the other).
     */
    static final double SHARE_MEMORY_SECONDS = 600;
    /** ...but never fewer dials than this, so a small team's share is not a coin toss. */
    static final double SHARE_MEMORY_MIN_DIALS = 400;
    private static final double PRIOR_WEIGHT = 30;
    /** Fixed-point steps of the censored estimate per tick: it starts from the last one, so a few suffice. */
    private static final int CENSORED_STEPS = 3;
    /** Dials of each kind (routable, not) after which their delays are this day's, not the prior's. */
    static final long DELAYS_LEARNT = 200;
    /** Agents are taken to go back to ready after a call as if this many wrap-ups had shown it. */
    private static final double WRAP_UP_PRIOR = 20;
    private static final double WRAP_UP_MEMORY = 200;
    /** The campaign's expected live rate counts as this many dials' evidence of the answer share's spread. */
    private static final double SHARE_PRIOR_DIALS = 10;

    private final DurationHistogram routableDelay;
    private final DurationHistogram otherDelay;
    private final DurationHistogram talk;
    private final DurationHistogram wrapAfterShort;
    private final DurationHistogram wrapAfterLong;
    /** Decayed counts of resolved dials and of those that were routable (the campaign's expectation seeds both). */
    private double resolvedEvidence;
    private double routableEvidence;
    private long lastResolvedMillis = Long.MIN_VALUE;
    /** The share with the dials still unresolved counted in: what pacing uses. */
    private double routableShare;
    /** Dials' worth of evidence the share rests on, the unresolved ones counted by how much their wait tells. */
    private double shareEvidence;
    private HourlyAnswerRates hourly;
    private double readyAfterWrapShare = 1;
    private double wrapUpsSeen = WRAP_UP_PRIOR;
    private long resolvedDials;
    private long routableDials;

    public CallStatistics(PacingSettings settings) {
        this(settings, AnswerRatePriors.none());
    }

    /**
     * @param priors what earlier days learnt of this campaign's answer share by time of day: the day starts from
     *               the share of the hour it starts in, as firmly as those days saw it, instead of the expectation
     */
    public CallStatistics(PacingSettings settings, AnswerRatePriors priors) {
        double ring = settings.ringTimeoutSeconds();
        routableDelay = new DurationHistogram(0.25, 180, logNormal(10.5, 5));
        otherDelay = new DurationHistogram(0.25, 180, new UniformRealDistribution(2, ring + 4));
        talk = new DurationHistogram(1, 3 * 3600, logNormal(settings.expectedTalkSeconds(), settings.expectedTalkSeconds()));
        double wrap = Math.max(1, settings.expectedWrapSeconds());
        wrapAfterLong = new DurationHistogram(0.5, 1800, logNormal(wrap, wrap / 2));
        wrapAfterShort = new DurationHistogram(0.5, 1800, logNormal(Math.max(1, wrap / 3), wrap / 6));
        hourly = new HourlyAnswerRates(priors.zone());
        this.priors = priors;
        this.expectedLiveRate = settings.expectedLiveRate();
        routableShare = settings.expectedLiveRate();
        resolvedEvidence = PRIOR_WEIGHT;
        routableEvidence = PRIOR_WEIGHT * routableShare;
        shareEvidence = PRIOR_WEIGHT;
    }

    private AnswerRatePriors priors;
    private final double expectedLiveRate;
    private boolean priorApplied;

    /** Earlier days' answer shares by hour, handed over before the first dial (the campaign reads them at start). */
    public void usePriors(AnswerRatePriors earlierDays) {
        if (priorApplied || resolvedDials > 0) {
            throw new IllegalStateException("answer-rate priors must be given before dialling starts");
        }
        this.priors = earlierDays;
        this.hourly = new HourlyAnswerRates(earlierDays.zone());
    }

    /** The priors this day started from. */
    public AnswerRatePriors priors() {
        return priors;
    }

    /**
     * Seeds the share with what earlier days learnt for the hour the dialer starts in (once, at the first tick).
     */
    private void applyPrior(long nowMillis) {
        priorApplied = true;
        AnswerRatePriors.Hour hour = priors.at(nowMillis);
        if (hour == null) {
            return;
        }
        double weight = Math.min(AnswerRatePriors.MAX_PRIOR_DIALS, Math.max(PRIOR_WEIGHT, hour.dials()));
        resolvedEvidence = weight;
        routableEvidence = weight * hour.share();
        routableShare = hour.share();
        shareEvidence = weight;
    }

    private static LogNormalDistribution logNormal(double mean, double sd) {
        double sigma2 = StrictMath.log(1 + (sd * sd) / (mean * mean));
        return new LogNormalDistribution(null, StrictMath.log(mean) - sigma2 / 2, Math.sqrt(sigma2), 1e-9);
    }

    /** A dial resolved after {@code seconds}, time unknown: the share then remembers the last 400 dials. */
    public void dialResolved(double seconds, boolean routable) {
        if (resolvedEvidence > SHARE_MEMORY_MIN_DIALS) {
            fade(SHARE_MEMORY_MIN_DIALS / resolvedEvidence);
        }
        dialResolved(lastResolvedMillis == Long.MIN_VALUE ? 0 : lastResolvedMillis, seconds, routable);
    }

    private void fade(double factor) {
        resolvedEvidence *= factor;
        routableEvidence *= factor;
    }

    /**
     * A dial resolved at {@code nowMillis} after {@code seconds}: routable (to be connected) or not (busy, no
     * answer, machine dropped). Older evidence fades with time, not with the number of dials.
     */
    public void dialResolved(long nowMillis, double seconds, boolean routable) {
        (routable ? routableDelay : otherDelay).add(seconds);
        resolvedDials++;
        if (routable) {
            routableDials++;
        }
        hourly.add(nowMillis, routable);
        if (lastResolvedMillis != Long.MIN_VALUE && nowMillis > lastResolvedMillis
                && resolvedEvidence > SHARE_MEMORY_MIN_DIALS) {
            fade(Math.max(Math.exp(-(nowMillis - lastResolvedMillis) / 1000.0 / SHARE_MEMORY_SECONDS),
                    SHARE_MEMORY_MIN_DIALS / resolvedEvidence));
        }
        lastResolvedMillis = Math.max(lastResolvedMillis, nowMillis);
        resolvedEvidence += 1;
        routableEvidence += routable ? 1 : 0;
        routableShare = routableEvidence / resolvedEvidence;
        shareEvidence = resolvedEvidence;
    }

    /**
     * Counts the dials still unresolved into the share (once per tick, before it is read). Answers come back in
     * seconds while no-answers take the whole ring time, so the dials resolved so far over-represent answers:
     * early in a burst the resolved share alone climbs far above the truth and then collapses. Each ringing dial
     * is evidence too, routable with the chance its wait so far leaves (the censored, expectation-maximising
     * estimate), and it counts towards how firmly the share is known only as far as its wait has told something.
     */
    public void dialsUnresolved(long nowMillis, long[] placedAtMillis) {
        if (!priorApplied) {
            applyPrior(nowMillis);
        }
        int n = placedAtMillis.length;
        // Once resolved dials outweigh the ringing ones the resolved share is as good and steadier: the
        // correction is for bursts, when most of what is known is still ringing. It needs the delays of both
        // kinds learnt from this day's dials: with the prior's delays it would misread the ringing ones.
        if (n == 0 || 2.0 * n < resolvedEvidence || routableDials < DELAYS_LEARNT
                || resolvedDials - routableDials < DELAYS_LEARNT) {
            routableShare = routableEvidence / resolvedEvidence;
            shareEvidence = resolvedEvidence;
            return;
        }
        double[] routableAlive = new double[n];
        double[] otherAlive = new double[n];
        double told = 0;
        for (int i = 0; i < n; i++) {
            double age = (nowMillis - placedAtMillis[i]) / 1000.0;
            routableAlive[i] = routableDelay.survival(age);
            otherAlive[i] = otherDelay.survival(age);
        }
        double q = routableShare;
        for (int step = 0; step < CENSORED_STEPS; step++) {
            double expectedRoutable = 0;
            told = 0;
            for (int i = 0; i < n; i++) {
                double r = q * routableAlive[i];
                double both = r + (1 - q) * otherAlive[i];
                expectedRoutable += both <= 1e-12 ? q : r / both;
                told += 1 - both;
            }
            q = (routableEvidence + expectedRoutable) / (resolvedEvidence + n);
        }
        routableShare = Math.max(1e-4, Math.min(1, q));
        shareEvidence = resolvedEvidence + told;
    }

    public void talkEnded(double seconds) {
        talk.add(seconds);
    }

    public void wrapEnded(double seconds, boolean afterShortTalk) {
        (afterShortTalk ? wrapAfterShort : wrapAfterLong).add(seconds);
    }

    /** An agent finished wrap-up and went back to ready, or to a pause (not ready, a break, logging out). */
    public void leftWrapUp(boolean ready) {
        wrapUpsSeen = Math.min(WRAP_UP_MEMORY, wrapUpsSeen + 1);
        readyAfterWrapShare += ((ready ? 1 : 0) - readyAfterWrapShare) / wrapUpsSeen;
    }

    /** Share of recent wrap-ups after which the agent went straight back to ready. */
    public double readyAfterWrapShare() {
        return readyAfterWrapShare;
    }

    /** Share of new dials expected to become routable answers now. */
    public double routableProbability() {
        return routableShare;
    }

    /**
     * How uncertain the routable share still is, as the variance of the estimate over its square: large
     * while the share rests on the campaign's expectation and a few dials, small once hundreds resolved.
     */
    public double routableShareRelativeVariance() {
        double q = Math.max(0.01, routableShare);
        return (1 - q) / (q * (SHARE_PRIOR_DIALS + Math.max(0, shareEvidence - PRIOR_WEIGHT)));
    }

    /** Today's answer share by hour of day, for the campaign to keep as the next day's priors. */
    public HourlyAnswerRates hourlyAnswerRates() {
        return hourly;
    }

    public long resolvedDials() {
        return resolvedDials;
    }

    public long routableDials() {
        return routableDials;
    }

    /** Mean time from dial to a routable answer. */
    public double meanRoutableDelay() {
        return routableDelay.mean();
    }

    public double meanTalkSeconds() {
        return talk.mean();
    }

    public double meanWrapSeconds() {
        return wrapAfterLong.mean();
    }

    /** The chance that a dial still unresolved after {@code ageSeconds} becomes a routable answer. */
    public double routableGivenUnresolved(double ageSeconds) {
        double q = routableShare;
        double routable = q * routableDelay.survival(ageSeconds);
        double other = (1 - q) * otherDelay.survival(ageSeconds);
        double both = routable + other;
        return both <= 1e-12 ? 0 : routable / both;
    }

    /** The chance that a dial still unresolved after {@code ageSeconds} becomes routable within {@code within} s. */
    public double routableWithin(double ageSeconds, double within) {
        double q = routableShare;
        double routableAlive = q * routableDelay.survival(ageSeconds);
        double other = (1 - q) * otherDelay.survival(ageSeconds);
        double both = routableAlive + other;
        if (both <= 1e-12) {
            return 0;
        }
        return q * routableDelay.endsWithin(ageSeconds, within) * routableDelay.survival(ageSeconds) / both;
    }

    /**
     * The chance that {@code agent} is free to take a call within {@code horizon} seconds, from the phase
     * it is in and how long it has been there. Ready: certain. On a call: the rest of the talk plus a
     * wrap-up must fit. Wrapping up: the rest of the wrap must fit. Paused or logged out: nobody knows,
     * so no.
     */
    public double freeWithin(Agent agent, long nowMillis, double horizon) {
        AgentState state = agent.state();
        if (state == AgentState.READY) {
            return 1;
        }
        double elapsed = (nowMillis - agent.stateSinceMillis()) / 1000.0;
        if (state == AgentState.WRAP_UP) {
            return (agent.machineCall() ? wrapAfterShort : wrapAfterLong).endsWithin(elapsed, horizon);
        }
        if (state != AgentState.ON_CALL) {
            return 0;
        }
        return talkThenWrapWithin(elapsed, horizon);
    }

    private double talkThenWrapWithin(double elapsed, double horizon) {
        // Three-point quadrature over the wrap that follows: its 1/6, 1/2 and 5/6 quantiles.
        DurationHistogram wrap = elapsed >= SHORT_TALK_SECONDS ? wrapAfterLong : null;
        double p = 0;
        for (double quantile : new double[] {1.0 / 6, 0.5, 5.0 / 6}) {
            if (wrap != null) {
                p += talk.endsWithin(elapsed, horizon - wrap.quantile(quantile)) / 3;
            } else {
                double shortEnd = Math.max(0, SHORT_TALK_SECONDS - elapsed);
                double endsShort = talk.endsWithin(elapsed, Math.min(shortEnd, horizon - wrapAfterShort.quantile(quantile)));
                double endsLong = talk.endsWithin(elapsed, horizon - wrapAfterLong.quantile(quantile))
                        - talk.endsWithin(elapsed, Math.min(shortEnd, horizon - wrapAfterLong.quantile(quantile)));
                p += (endsShort + Math.max(0, endsLong)) / 3;
            }
        }
        return Math.max(0, Math.min(1, p));
    }
}
