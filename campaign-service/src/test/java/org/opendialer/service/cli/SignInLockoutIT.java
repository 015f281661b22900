package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guessing passwords on a running server: after five wrong tries a user is locked for a while, whichever way
 * they were tried (form or HTTP Basic) and whichever way the right password then comes; an address that
 * fails too often is locked for everyone; every failure is in the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInLockoutIT {

    private ConfigurableApplicationContext context;
    private int port;
    private String base;
    private JdbcTemplate jdbc;

    @BeforeAll
    void serve() {
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:lockout" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        // every request of this test comes from 127.0.0.1: the address limit is set above what the user tests spend
        serve.springArgs = List.of("--server.port=0", "--dialer.login.max-failures-per-address=14");
        context = serve.start();
        port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        base = "http://localhost:" + port;
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        Api admin = new Api(port);
        for (String name : List.of("kim", "lou", "max")) {
            assertThat(admin.post("/api/users", "{\"username\": \"" + name + "\", \"password\": \"" + name
                    + "-password\", \"role\": \"MANAGER\"}").status()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        context.close();
    }

    private HttpResponse<String> basic(String username, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns"))
                .header("Authorization", Api.basic(username, password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with the form; answers where the form sent the browser. */
    private String form(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().firstValue("Location").orElse("");
    }

    @Test
    @Order(1)
    void fiveWrongBasicPasswordsLockTheUserAndTheRightOneThenGets429WithRetryAfter() throws Exception {
        assertThat(basic("kim", "kim-password").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(basic("kim", "wrong-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> right = basic("kim", "kim-password");

        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).isBetween(850L, 900L);
        assertThat(form("kim", "kim-password")).as("nor through the form").contains("/login?locked=15");
        assertThat(basic("lou", "lou-password").statusCode()).as("other users sign in").isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'SIGN_IN_FAILED' AND username = 'kim' "
                + "AND target = 'address 127.0.0.1'", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'SIGN_IN_LOCKED' AND username = 'kim'", Long.class))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void failuresOnTheFormLockBasicToo() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(form("lou", "wrong-" + i)).endsWith("/login?error");
        }
        assertThat(basic("lou", "wrong-4").statusCode()).as("the fifth, by another way").isEqualTo(401);

        assertThat(basic("lou", "lou-password").statusCode()).isEqualTo(429);
        String locked = form("lou", "lou-password");
        assertThat(locked).contains("/login?locked=");
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(locked.startsWith("http") ? locked : base + locked))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Too many failed sign-ins. Try again in 15 minutes.");
    }

    @Test
    @Order(3)
    void anAddressThatFailsTooOftenIsLockedForEveryoneFromIt() throws Exception {
        // ten failures so far from this address; four more, each on a different made-up name
        for (int i = 0; i < 4; i++) {
            assertThat(basic("nobody" + i, "guess").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> max = basic("max", "max-password");
        assertThat(max.statusCode()).isEqualTo(429);
        assertThat(max.headers().firstValue("Retry-After")).isPresent();
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns"))
                .header("Authorization", "Bearer odt_whatever").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("API tokens from that address too").isEqualTo(429);
    }
}
