package org.opendialer.engine.dialer;

/** Why a campaign is placing no calls (or fewer than it could), in a manager's words. */
public record NotDialingReason(Code code, String message) {

    public enum Code {
        NOT_RUNNING, NO_READY_AGENTS, NO_CALLABLE_LEADS, ABANDON_CAP_REACHED, TRUNKS_FULL, AGENTS_DIAL_IN_PREVIEW,
        ROBOT_FULL,
        /** Dialling goes on, but machine detection alone loses nearly the whole abandon budget. */
        AMD_FALSE_MACHINES_NEAR_TARGET
    }
}
