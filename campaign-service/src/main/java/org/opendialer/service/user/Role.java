package org.opendialer.service.user;

/** What a user may do: managers run campaigns, agents take calls, analysts read reports, admins manage users. */
public enum Role {
    MANAGER, AGENT, ANALYST, ADMIN
}
