package org.opendialer.service.user;

import java.util.List;

/** What to change on a user; a null field stays as it is (an empty phone endpoint removes it). */
public record UserChange(String displayName, String role, Boolean enabled, List<String> skills, String phoneEndpoint) {

    public UserChange(String displayName, String role, Boolean enabled) {
        this(displayName, role, enabled, null, null);
    }
}
