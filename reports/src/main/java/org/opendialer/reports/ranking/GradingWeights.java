package org.opendialer.reports.ranking;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How evidence turns into a score, per campaign (stored as {@code key=value} pairs in
 * {@code campaigns.grading_weights}; missing keys keep the defaults).
 *
 * @param sale             points for a sale disposition
 * @param interested       points for an "interested" disposition or intent
 * @param callback         points for a requested or booked callback
 * @param perRobotPoint    score per talk-track interest point
 * @param maxRobotPoints   cap on the robot's share
 * @param longCallSeconds  a conversation this long earns the full talk share; also the A grade's minimum
 * @param talk             the full talk share
 * @param perQuestion      points per question asked (up to three)
 * @param scriptAnswered   points for answering every robot prompt (pro rata)
 * @param perExtraEngagement points per engaged call after the first (up to two)
 * @param notInterestedCap highest score of a callee who said "not interested"
 * @param gradeA           lowest score of an A (with clear interest and a long call)
 * @param gradeC           lowest score of a C when the callee asked nothing
 */
public record GradingWeights(int sale, int interested, int callback, double perRobotPoint, int maxRobotPoints,
                             int longCallSeconds, int talk, int perQuestion, int scriptAnswered,
                             int perExtraEngagement, int notInterestedCap, int gradeA, int gradeC) {

    public static final GradingWeights DEFAULT = new GradingWeights(100, 40, 20, 2, 30, 180, 20, 5, 10, 5, 20, 70, 20);

    /** Parses {@code key=value} pairs separated by commas or new lines; an unknown key or bad number names itself. */
    public static GradingWeights parse(String text) {
        Map<String, Double> v = new LinkedHashMap<>();
        GradingWeights d = DEFAULT;
        v.put("sale", (double) d.sale);
        v.put("interested", (double) d.interested);
        v.put("callback", (double) d.callback);
        v.put("perRobotPoint", d.perRobotPoint);
        v.put("maxRobotPoints", (double) d.maxRobotPoints);
        v.put("longCallSeconds", (double) d.longCallSeconds);
        v.put("talk", (double) d.talk);
        v.put("perQuestion", (double) d.perQuestion);
        v.put("scriptAnswered", (double) d.scriptAnswered);
        v.put("perExtraEngagement", (double) d.perExtraEngagement);
        v.put("notInterestedCap", (double) d.notInterestedCap);
        v.put("gradeA", (double) d.gradeA);
        v.put("gradeC", (double) d.gradeC);
        if (text != null) {
            for (String pair : text.split("[,\\n]")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                String key = kv[0].trim();
                if (!v.containsKey(key) || kv.length != 2) {
                    throw new IllegalArgumentException("grading weight '" + pair.trim() + "': use key=number with keys " + v.keySet());
                }
                try {
                    v.put(key, Double.parseDouble(kv[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("grading weight " + key + ": '" + kv[1].trim() + "' is not a number");
                }
            }
        }
        return new GradingWeights(i(v, "sale"), i(v, "interested"), i(v, "callback"), v.get("perRobotPoint"),
                i(v, "maxRobotPoints"), i(v, "longCallSeconds"), i(v, "talk"), i(v, "perQuestion"), i(v, "scriptAnswered"),
                i(v, "perExtraEngagement"), i(v, "notInterestedCap"), i(v, "gradeA"), i(v, "gradeC"));
    }

    private static int i(Map<String, Double> v, String key) {
        return (int) Math.round(v.get(key));
    }
}
