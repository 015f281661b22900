package org.opendialer.reports.ranking;

/** A lead's interest: score 0-100, grade and, in words, why. */
public record InterestScore(int score, Grade grade, String reason) {
}
