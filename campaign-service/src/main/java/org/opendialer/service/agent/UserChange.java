package org.opendialer.service.agent;

/** What to change on a user; a null field stays as it is. */
public record UserChange(String displayName, String role, Boolean enabled) {
}
