package org.opendialer.service.user;

import java.util.List;

/** A user to create: password in clear (stored as a bcrypt hash), role, and for agents their phone and skills. */
public record NewUser(String username, String displayName, String password, String role, List<String> skills,
                      String phoneEndpoint, String locale) {
}
