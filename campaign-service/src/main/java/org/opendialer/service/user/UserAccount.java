package org.opendialer.service.user;

import java.util.Set;

/** A user as the API shows it (never with the password hash). */
public record UserAccount(long id, String username, String displayName, Role role, Set<String> skills,
                          String phoneEndpoint, String locale, boolean enabled) {
}
