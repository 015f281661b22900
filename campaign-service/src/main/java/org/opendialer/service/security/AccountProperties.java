package org.opendialer.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator's password and whether the demo passwords may stay ({@code dialer.admin.password},
 * {@code dialer.allow-demo-passwords}).
 *
 * @param allowDemoPasswords whether the server may start while a demo account still has its published password
 */
@ConfigurationProperties("dialer")
public record AccountProperties(@DefaultValue("false") boolean allowDemoPasswords, @DefaultValue Admin admin) {

    /** @param password the password the first administrator is created with; blank lets it be chosen at first sign-in */
    public record Admin(@DefaultValue("") String password) {

        @Override
        public String toString() {
            return "Admin[password=" + (password.isEmpty() ? "" : "***") + "]";
        }
    }
}
