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
    private static final double ROUTABLE_MEMORY = 400;
    private static final double PRIOR_WEIGHT = 30;
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
    private double routableShare;
    private double readyAfterWrapShare = 1;
    private double wrapUpsSeen = WRAP_UP_PRIOR;
    private double weight;
    private long resolvedDials;
    private long routableDials;

    public CallStatistics(PacingSettings settings) {
        double ring = settings.ringTimeoutSeconds();
        routableDelay = new DurationHistogram(0.25, 180, logNormal(10.5, 5));
        otherDelay = new DurationHistogram(0.25, 180, new UniformRealDistribution(2, ring + 4));
        talk = new DurationHistogram(1, 3 * 3600, logNormal(settings.expectedTalkSeconds(), settings.expectedTalkSeconds()));
        double wrap = Math.max(1, settings.expectedWrapSeconds());
        wrapAfterLong = new DurationHistogram(0.5, 1800, logNormal(wrap, wrap / 2));
        wrapAfterShort = new DurationHistogram(0.5, 1800, logNormal(Math.max(1, wrap / 3), wrap / 6));
        routableShare = settings.expectedLiveRate();
        weight = PRIOR_WEIGHT;
    }

    private static LogNormalDistribution logNormal(double mean, double sd) {
        double sigma2 = StrictMath.log(1 + (sd * sd) / (mean * mean));
        return new LogNormalDistribution(null, StrictMath.log(mean) - sigma2 / 2, Math.sqrt(sigma2), 1e-9);
    }

    /** A dial resolved after {@code seconds}: routable (to be connected) or not (busy, no answer, machine dropped). */
    public void dialResolved(double seconds, boolean routable) {
        (routable ? routableDelay : otherDelay).add(seconds);
        resolvedDials++;
        if (routable) {
            routableDials++;
        }
        weight = Math.min(ROUTABLE_MEMORY, weight + 1);
        routableShare += ((routable ? 1 : 0) - routableShare) / weight;
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
        return (1 - q) / (q * Math.min(ROUTABLE_MEMORY, SHARE_PRIOR_DIALS + resolvedDials));
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
