package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.service.user.DemoUsers;
import org.opendialer.service.user.NewUser;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.testing.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code serve} on a database the demo filled: its published passwords keep the floor closed unless allowed. */
class ServeSafetyIT {

    private TestDatabase db;
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenTheDemosUsersWithTheirPublishedPasswords() {
        db = TestDatabase.h2().migrated();
        jdbc = new JdbcTemplate(db.dataSource());
        UserDirectory users = new UserDirectory(jdbc, new SimulatedClock(java.time.Instant.parse("2026-11-23T09:00:00Z")));
        for (String[] user : new String[][] {{"admin", "ADMIN"}, {"manager", "MANAGER"}, {"analyst", "ANALYST"}, {"demo-agent-01", "AGENT"}}) {
            users.create(new NewUser(user[0], user[0], DemoUsers.password(user[0]), user[1], List.of(), null, "en"));
        }
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private ServeCommand serve(String... springArgs) {
        ServeCommand serve = new ServeCommand();
        serve.database.url = db.settings().url();
        serve.database.user = db.settings().user();
        serve.springArgs = List.of(springArgs);
        return serve;
    }

    @Test
    void serveRefusesToStartWhileADemoPasswordSignsInAndSaysWhoInOneLine() {
        CliRun run = CliRun.of("serve", "--db-url", db.settings().url(), "--db-user", db.settings().user(), "--server.port=0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n")
                .startsWith("error: serve refused to start: the demo passwords still sign in as ")
                .contains("manager").contains("demo-agent-01").contains("--dialer.allow-demo-passwords=true");
    }

    @Test
    void theFlagLetsTheDemoFloorStartAndItsPasswordsWork() {
        try (ConfigurableApplicationContext context = serve("--server.port=0", "--dialer.allow-demo-passwords=true").start()) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(new Api(port, "manager", "demo-manager").get("/api/campaigns").status()).isEqualTo(200);
        }
    }

    @Test
    void theAdminPasswordOptionResetsAnExistingAdminAndDisabledDemoUsersNoLongerBlock() {
        jdbc.update("UPDATE users SET enabled = FALSE WHERE username IN ('manager', 'analyst', 'demo-agent-01')");

        try (ConfigurableApplicationContext context = serve("--server.port=0", "--dialer.admin.password=a-new-admin-password").start()) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(new Api(port, "admin", "a-new-admin-password").get("/api/users").status()).isEqualTo(200);
            assertThat(new Api(port, "admin", "demo-admin").get("/api/users").status()).isEqualTo(401);
        }
    }
}
