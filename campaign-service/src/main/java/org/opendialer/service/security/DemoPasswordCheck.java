package org.opendialer.service.security;

import java.util.List;
import org.opendialer.service.user.DemoUsers;
import org.opendialer.service.user.UserAccount;
import org.opendialer.service.user.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code serve} does not open a floor on which a password published in the README (the demo's) still signs
 * in to an enabled account: start-up stops with one line naming the accounts. An operator trying the demo
 * says {@code dialer.allow-demo-passwords=true} and gets a loud warning instead. Commands without a web
 * server are not concerned. Runs after {@link FirstAdministrator}, so a reset admin password counts.
 */
@Component
public class DemoPasswordCheck implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPasswordCheck.class);

    private final UserDirectory users;
    private final FirstAdministrator firstAdministrator;
    private final ApplicationContext context;
    private final boolean allowed;

    public DemoPasswordCheck(UserDirectory users, FirstAdministrator firstAdministrator, ApplicationContext context,
                             AccountProperties accounts) {
        this.users = users;
        this.firstAdministrator = firstAdministrator;
        this.context = context;
        this.allowed = accounts.allowDemoPasswords();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!(context instanceof WebApplicationContext)) {
            return;
        }
        firstAdministrator.ensure();
        List<String> open = openAccounts();
        if (open.isEmpty()) {
            return;
        }
        if (allowed) {
            LOG.warn("!!! DEMO PASSWORDS ARE ACCEPTED: {} sign in with the passwords printed in the README. "
                    + "Anyone who can reach this server can. Do not take calls on this floor. !!!", String.join(", ", open));
            return;
        }
        throw new UnsafeStartException("serve refused to start: the demo passwords still sign in as " + String.join(", ", open)
                + "; change them (PUT /api/me/password, --dialer.admin.password=... for admin) or disable those users, "
                + "or start with --dialer.allow-demo-passwords=true for a demo");
    }

    /** The enabled demo accounts whose published password still works. */
    List<String> openAccounts() {
        return users.list(null).stream()
                .filter(UserAccount::enabled)
                .map(UserAccount::username)
                .filter(DemoUsers::isDemoName)
                .filter(name -> users.passwordMatches(name, DemoUsers.password(name)))
                .toList();
    }
}
