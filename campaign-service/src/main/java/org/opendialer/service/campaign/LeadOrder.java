package org.opendialer.service.campaign;

/** The order in which new and retry leads are dialled (due callbacks always come first). */
public enum LeadOrder {
    NEW_FIRST, OLDEST_FIRST, PRIORITY, RANDOM
}
