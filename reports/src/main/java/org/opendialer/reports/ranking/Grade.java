package org.opendialer.reports.ranking;

/** The trade's A/B/C/D lead grades. */
public enum Grade {
    /** Clear interest, engaged, a long conversation. */
    A,
    /** Interest, but a short conversation. */
    B,
    /** No clear intent, but the callee asked something or engaged somewhat. */
    C,
    /** Nothing, or the callee declined. */
    D
}
