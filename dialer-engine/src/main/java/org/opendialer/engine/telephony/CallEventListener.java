package org.opendialer.engine.telephony;

/** Receives what happens to placed calls; called on the telephony adapter's threads. */
@FunctionalInterface
public interface CallEventListener {
    void onEvent(CallEvent event);
}
