package org.opendialer.service.security;

import java.security.SecureRandom;
import java.util.List;
import org.opendialer.service.agent.NewUser;
import org.opendialer.service.agent.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in to a new installation: with {@code dialer.admin.password} set, an
 * {@code admin} user with that password exists; on a database with no users at all and no password
 * configured, an {@code admin} with a random password is created and the password is logged once.
 */
@Component
public class FirstAdministrator implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserDirectory users;
    private final String password;

    public FirstAdministrator(UserDirectory users, @Value("${dialer.admin.password:}") String password) {
        this.users = users;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.byUsername("admin").isPresent()) {
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
