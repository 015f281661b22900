package org.opendialer.service.security;

import java.security.SecureRandom;
import java.util.List;
import org.opendialer.service.user.NewUser;
import org.opendialer.service.user.UserAccount;
import org.opendialer.service.user.UserChange;
import org.opendialer.service.user.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in: with {@code dialer.admin.password} set, an {@code admin} user with that
 * password exists and may sign in (an existing admin's password is reset to it, and the account enabled);
 * on a database with no users at all and no password configured, an {@code admin} with a random password is
 * created and the password is logged once. Runs before the server takes requests.
 */
@Component
public class FirstAdministrator implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserDirectory users;
    private final String password;
    private boolean done;

    public FirstAdministrator(UserDirectory users, AccountProperties accounts) {
        this.users = users;
        this.password = accounts.admin().password();
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensure();
    }

    /** Idempotent: the start-up checks that must see the admin's final password call it first. */
    public synchronized void ensure() {
        if (done) {
            return;
        }
        done = true;
        UserAccount admin = users.byUsername("admin").orElse(null);
        if (admin != null) {
            if (!password.isBlank()) {
                if (!admin.enabled()) {
                    users.update(admin.id(), new UserChange(null, null, true));
                }
                if (!users.passwordMatches("admin", password)) {
                    users.setPassword("admin", password);
                    LOG.warn("reset the password of user 'admin' to the one given in dialer.admin.password");
                }
            }
            return;
        }
        if (!password.isBlank()) {
            users.create(new NewUser("admin", "Administrator", password, "ADMIN", List.of(), null, "en"));
        } else if (users.count() == 0) {
            String generated = randomPassword();
            users.create(new NewUser("admin", "Administrator", generated, "ADMIN", List.of(), null, "en"));
            LOG.warn("created user 'admin' with password '{}': sign in and create the team's users (or set dialer.admin.password)", generated);
        }
    }

    private static String randomPassword() {
        String letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(letters.charAt(random.nextInt(letters.length())));
        }
        return sb.toString();
    }
}
