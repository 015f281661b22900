package org.opendialer.engine.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A dialling day to simulate: the team, the list and how its callees behave. Loaded from YAML by
 * {@link ScenarioFile}; the README documents every field.
 *
 * @param agents            agents on the shift
 * @param shiftHours        length of the calling day
 * @param seed              base seed; day d of a run uses {@code seed + d}
 * @param trunkLines        lines the trunks carry at once
 * @param connect           what a dial turns into
 * @param setupSeconds      post-dial delay until the far end rings
 * @param answerDelaySeconds how long a person lets it ring before picking up
 * @param machineAnswerSeconds how long until an answering machine picks up
 * @param noAnswerTimeoutSeconds ring time before the dialer gives up (never below 15)
 * @param talkSeconds       talk time of a live call with an agent
 * @param wrapSeconds       agent wrap-up after a live call
 * @param patienceSeconds   how long an answered callee waits in silence before hanging up
 * @param amd               answering-machine detection, or null for none
 * @param leads             how many leads the list holds
 * @param expectedTalkSeconds what the manager tells the dialer talk time will be (the dialer sees nothing else)
 * @param expectedLiveRate  what the manager tells the dialer the live-answer rate will be
 */
public record Scenario(String name, String description, int agents, double shiftHours, long seed, int trunkLines,
                       double abandonTarget, Duration abandonWindow, double maxLinesPerAgent, ConnectModel connect,
                       Distribution setupSeconds, Distribution answerDelaySeconds, Distribution machineAnswerSeconds,
                       double noAnswerTimeoutSeconds, Distribution talkSeconds, Distribution wrapSeconds,
                       Distribution patienceSeconds, Amd amd, long leads, double expectedTalkSeconds,
                       double expectedLiveRate, AgentBehaviour behaviour) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connect, "connect");
        if (agents < 0) {
            throw new IllegalArgumentException("agents must not be negative, was " + agents);
        }
        if (!(shiftHours > 0 && shiftHours <= 24)) {
            throw new IllegalArgumentException("shiftHours must be in (0, 24], was " + shiftHours);
        }
        if (noAnswerTimeoutSeconds < 15) {
            throw new IllegalArgumentException("noAnswerTimeoutSeconds must be at least 15 (the legal minimum ring time), was "
                    + noAnswerTimeoutSeconds);
        }
        if (trunkLines <= 0) {
            throw new IllegalArgumentException("trunkLines must be positive, was " + trunkLines);
        }
    }

    public double shiftSeconds() {
        return shiftHours * 3600;
    }

    /**
     * Shares of dial outcomes; {@code humanByHour} (hour, share) points, when given, override {@code human} over the day;
     * {@code lists}, when given, mix lists that answer differently (each dial meets a callee of one list, by its share).
     */
    public record ConnectModel(double human, double machine, double busy, double failed, List<double[]> humanByHour,
                               List<ListMix> lists) {

        public ConnectModel(double human, double machine, double busy, double failed, List<double[]> humanByHour) {
            this(human, machine, busy, failed, humanByHour, List.of());
        }

        public ConnectModel {
            humanByHour = humanByHour == null ? List.of() : List.copyOf(humanByHour);
            lists = lists == null ? List.of() : List.copyOf(lists);
            for (ListMix list : lists) {
                if (list.human() + machine + busy + failed > 1 + 1e-9) {
                    throw new IllegalArgumentException("a list's human share plus machine, busy and failed must be at most 1, was "
                            + (list.human() + machine + busy + failed));
                }
            }
            double total = human + machine + busy + failed;
            if (human < 0 || machine < 0 || busy < 0 || failed < 0 || total > 1 + 1e-9) {
                throw new IllegalArgumentException("connect shares must be non-negative and add up to at most 1 "
                        + "(the rest ring out unanswered), were human " + human + " machine " + machine + " busy " + busy
                        + " failed " + failed);
            }
            for (double[] point : humanByHour) {
                if (point.length != 2 || point[1] < 0 || point[1] + machine + busy + failed > 1 + 1e-9) {
                    throw new IllegalArgumentException("connect.humanByHour points must be [hour, share] with share + "
                            + "machine + busy + failed at most 1");
                }
            }
        }

        /** The live-answer share {@code hours} into the shift: linear between points, a step where an hour repeats. */
        public double humanAt(double hours) {
            if (humanByHour.isEmpty()) {
                return human;
            }
            double[] first = humanByHour.get(0);
            if (hours <= first[0]) {
                return first[1];
            }
            for (int i = 1; i < humanByHour.size(); i++) {
                double[] a = humanByHour.get(i - 1);
                double[] b = humanByHour.get(i);
                if (hours < b[0]) {
                    return b[0] == a[0] ? b[1] : a[1] + (b[1] - a[1]) * (hours - a[0]) / (b[0] - a[0]);
                }
            }
            return humanByHour.get(humanByHour.size() - 1)[1];
        }

        /** The live-answer share of the list a callee drawn with {@code listDraw} (0..1) belongs to, at that hour. */
        public double humanAt(double hours, double listDraw) {
            double below = 0;
            for (ListMix list : lists) {
                below += list.share();
                if (listDraw < below) {
                    return list.human();
                }
            }
            return lists.isEmpty() ? humanAt(hours) : lists.get(lists.size() - 1).human();
        }

        /** The live-answer share of the whole mix at the start of the day. */
        public double humanOnAverage() {
            return lists.isEmpty() ? humanAt(0) : lists.stream().mapToDouble(l -> l.share() * l.human()).sum();
        }
    }

    /** One list of a mix: the share of dials that meet its callees and how often a person answers there. */
    public record ListMix(double share, double human) {
        public ListMix {
            if (!(share > 0 && share <= 1) || !(human >= 0 && human <= 1)) {
                throw new IllegalArgumentException("a list needs a share above 0 and at most 1 and a human share 0..1, were "
                        + share + " and " + human);
            }
        }
    }

    /**
     * Answering-machine detection: {@code falseHuman} is the share of machines passed on as people,
     * {@code falseMachine} the share of people hung up on as machines (each one an abandoned call): the truth.
     * {@code toldFalseMachine} is what the campaign states (NaN: unknown, as it usually is), {@code auditShare} the
     * share of MACHINE verdicts passed to an agent, who marks person or machine.
     */
    public record Amd(double falseHuman, double falseMachine, double toldFalseMachine, double auditShare) {

        public static final double DEFAULT_AUDIT_SHARE = 0.02;

        public Amd(double falseHuman, double falseMachine) {
            this(falseHuman, falseMachine, Double.NaN, DEFAULT_AUDIT_SHARE);
        }

        public Amd {
            if (falseHuman < 0 || falseHuman > 1 || falseMachine < 0 || falseMachine > 1) {
                throw new IllegalArgumentException("amd.falseHuman and amd.falseMachine must be between 0 and 1");
            }
        }
    }

    /**
     * How agents come and go: staggered login (or login cohorts), breaks, pauses after calls, early logouts (a share,
     * or exact numbers leaving at given times), and how much longer or shorter each agent talks than the call's own
     * length ({@code talkFactor}, drawn once per agent and day; null: every agent as the call says).
     */
    public record AgentBehaviour(double loginSpreadMinutes, List<Break> breaks, double postCallPauseProbability,
                                 double postCallPauseMinSeconds, double postCallPauseMaxSeconds,
                                 double earlyLogoutShare, double earlyLogoutAtHour, double earlyLogoutJitterMinutes,
                                 List<Cohort> logins, List<Departure> departures, Distribution talkFactor) {

        public static final AgentBehaviour NONE = new AgentBehaviour(0, List.of(), 0, 30, 120, 0, 0, 0);

        public AgentBehaviour(double loginSpreadMinutes, List<Break> breaks, double postCallPauseProbability,
                              double postCallPauseMinSeconds, double postCallPauseMaxSeconds, double earlyLogoutShare,
                              double earlyLogoutAtHour, double earlyLogoutJitterMinutes) {
            this(loginSpreadMinutes, breaks, postCallPauseProbability, postCallPauseMinSeconds, postCallPauseMaxSeconds,
                    earlyLogoutShare, earlyLogoutAtHour, earlyLogoutJitterMinutes, List.of(), List.of(), null);
        }

        public AgentBehaviour {
            breaks = breaks == null ? List.of() : List.copyOf(breaks);
            logins = logins == null ? List.of() : List.copyOf(logins);
            departures = departures == null ? List.of() : List.copyOf(departures);
            if (postCallPauseProbability < 0 || postCallPauseProbability > 1 || earlyLogoutShare < 0 || earlyLogoutShare > 1) {
                throw new IllegalArgumentException("postCallPause.probability and earlyLogout.share must be between 0 and 1");
            }
        }
    }

    /** A break every agent takes around {@code atHour} (± jitter) for {@code minutes}, after finishing the call in hand. */
    public record Break(double atHour, double minutes, double jitterMinutes) {
    }

    /** {@code agents} who log in from {@code atMinute} into the shift, each at a uniform time within {@code spreadMinutes}. */
    public record Cohort(int agents, double atMinute, double spreadMinutes) {
    }

    /** Exactly {@code agents} who log out around {@code atHour} (± jitter), once the call in hand is done. */
    public record Departure(int agents, double atHour, double jitterMinutes) {
    }
}
