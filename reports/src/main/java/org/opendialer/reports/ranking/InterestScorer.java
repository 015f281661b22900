package org.opendialer.reports.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a lead's interest from its evidence. Clear interest (a sale, "interested", a callback) earns the
 * most; the robot's talk-track points, conversation length, questions, how much of the script was
 * answered and engagement over several calls add to it. A do-not-call request scores 0; "not interested"
 * caps the score. Grades follow the trade's practice: A clear interest and a long call, B interest but a
 * short call, C no clear intent but questions or some engagement, D nothing.
 */
public final class InterestScorer {

    private final GradingWeights w;

    public InterestScorer(GradingWeights weights) {
        this.w = weights;
    }

    public InterestScore score(LeadEvidence e) {
        List<String> why = new ArrayList<>();
        if (e.doNotCall() || e.said("DO_NOT_CALL")) {
            return new InterestScore(0, Grade.D, "asked not to be called");
        }
        if (e.attempts() == 0) {
            return new InterestScore(0, Grade.D, "not called yet");
        }
        if (e.conversations() == 0 && e.intents().isEmpty() && e.dispositions().isEmpty()) {
            return new InterestScore(0, Grade.D, "never reached (" + e.attempts() + " attempt" + (e.attempts() == 1 ? "" : "s") + ")");
        }
        double score = 0;
        boolean sale = e.said("SALE");
        boolean interested = sale || e.said("INTERESTED");
        boolean callback = e.callbacks() > 0 || e.said("CALLBACK");
        if (sale) {
            score += w.sale();
            why.add("bought");
        } else if (e.said("INTERESTED")) {
            score += w.interested();
            why.add("said interested");
        }
        if (callback) {
            score += w.callback();
            why.add("asked for a callback");
        }
        if (e.robotPoints() > 0) {
            score += Math.min(w.maxRobotPoints(), e.robotPoints() * w.perRobotPoint());
            why.add(e.robotPoints() + " talk-track points");
        }
        if (e.longestTalkSeconds() > 0) {
            score += w.talk() * Math.min(1.0, (double) e.longestTalkSeconds() / w.longCallSeconds());
            why.add("talked " + duration(e.longestTalkSeconds()));
        }
        if (e.questions() > 0) {
            score += w.perQuestion() * Math.min(3, e.questions());
            why.add("asked " + e.questions() + " question" + (e.questions() == 1 ? "" : "s"));
        }
        if (e.turns() > 0) {
            score += w.scriptAnswered() * (double) e.turnsAnswered() / e.turns();
            why.add("answered " + e.turnsAnswered() + "/" + e.turns() + " prompts");
        }
        if (e.engagedCalls() > 1) {
            score += w.perExtraEngagement() * Math.min(2, e.engagedCalls() - 1);
            why.add("engaged on " + e.engagedCalls() + " calls");
        }
        boolean declined = e.said("NOT_INTERESTED");
        if (declined) {
            score = Math.min(score, w.notInterestedCap());
            why.add("said not interested");
        }
        int rounded = (int) Math.round(Math.max(0, Math.min(100, score)));
        Grade grade;
        if (!declined && interested && e.longestTalkSeconds() >= w.longCallSeconds() && rounded >= w.gradeA()) {
            grade = Grade.A;
        } else if (!declined && (interested || callback)) {
            grade = Grade.B;
        } else if (e.questions() > 0 || rounded >= w.gradeC()) {
            grade = Grade.C;
        } else {
            grade = Grade.D;
        }
        return new InterestScore(rounded, grade, why.isEmpty() ? "reached, no sign of interest" : String.join(", ", why));
    }

    static String duration(int seconds) {
        return seconds >= 60 ? (seconds / 60) + "m" + String.format("%02d", seconds % 60) + "s" : seconds + "s";
    }
}
