package org.opendialer.service.user;

import java.util.Set;

/**
 * The users {@code dialer demo} makes, and their published passwords ("demo-" and the username). Known here
 * so that {@code serve} can refuse to open a floor where one of them still signs in.
 */
public final class DemoUsers {

    public static final String AGENT_PREFIX = "demo-agent-";
    public static final Set<String> STAFF = Set.of("admin", "manager", "analyst");

    private DemoUsers() {
    }

    public static String password(String username) {
        return "demo-" + username;
    }

    /** True for a name the demo gives out, whose password anyone who read the README knows. */
    public static boolean isDemoName(String username) {
        return STAFF.contains(username) || username.startsWith(AGENT_PREFIX);
    }
}
