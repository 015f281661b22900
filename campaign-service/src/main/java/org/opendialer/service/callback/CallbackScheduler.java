package org.opendialer.service.callback;

import java.time.Instant;

/** Arranges for {@link CallbackService#fire} to run when a callback falls due: Quartz in the service, nothing in simulations. */
public interface CallbackScheduler {

    void schedule(long callbackId, Instant due);

    void unschedule(long callbackId);

    /** For simulations and tests: due callbacks are found by the hopper without being fired. */
    CallbackScheduler NONE = new CallbackScheduler() {
        @Override
        public void schedule(long callbackId, Instant due) {
        }

        @Override
        public void unschedule(long callbackId) {
        }
    };
}
