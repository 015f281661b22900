package org.opendialer.reports.lost;

/** Where a lead stands as a customer. */
public enum LostStatus {
    ACTIVE, AT_RISK, LOST, NEVER
}
