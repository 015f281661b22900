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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Users over REST on a running server: managers and admins change and disable users, everyone changes their
 * own password, and API tokens stand in for passwords on scripts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsIT {

    private ConfigurableApplicationContext context;
    private int port;
    private Api admin;
    private JdbcTemplate jdbc;

    @BeforeAll
    void serve() {
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:accounts" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0");
        context = serve.start();
        port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        admin = new Api(port);
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    }

    @AfterAll
    void stop() {
        context.close();
    }

    private long user(String name, String role) {
        Api.Reply created = admin.post("/api/users", "{\"username\": \"" + name + "\", \"password\": \"" + name + "-password\", \"role\": \"" + role + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private Api as(String name) {
        return new Api(port, name, name + "-password");
    }

    private int formSignIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().firstValue("Location").orElse("").contains("error") ? 401 : signedIn.statusCode();
    }

    @Test
    void aManagerRenamesAndDisablesAnAgentWhoThenCannotSignInAnyWay() throws Exception {
        user("mia", "MANAGER");
        long agent = user("dan", "AGENT");
        String token = as("dan").post("/api/me/tokens", "{\"name\": \"softphone\"}").json().get("token").asText();
        assertThat(Api.withToken(port, token).get("/api/me").status()).isEqualTo(200);

        Api.Reply changed = as("mia").put("/api/users/" + agent, "{\"displayName\": \"Dan D.\", \"enabled\": false}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("displayName").asText()).isEqualTo("Dan D.");
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(as("dan").get("/api/me").status()).as("HTTP Basic").isEqualTo(401);
        assertThat(Api.withToken(port, token).get("/api/me").status()).as("API token").isEqualTo(401);
        assertThat(formSignIn("dan", "dan-password")).as("sign-in form").isEqualTo(401);

        assertThat(as("mia").put("/api/users/" + agent, "{\"enabled\": true}").status()).isEqualTo(200);
        assertThat(as("dan").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void disablingAUserEndsTheirBrowserSession() throws Exception {
        long agent = user("kit", "AGENT");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=kit&password=kit-password&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/api/me")).build();
        assertThat(browser.send(me, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        assertThat(admin.put("/api/users/" + agent, "{\"enabled\": false}").status()).isEqualTo(200);

        assertThat(browser.send(me, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void aManagerLeavesAdministratorsAloneAndAnAdminChangesRoles() {
        user("max", "MANAGER");
        long agent = user("eve", "AGENT");
        long adminId = admin.get("/api/me").json().get("id").asLong();

        assertThat(as("max").put("/api/users/" + adminId, "{\"enabled\": false}").status()).isEqualTo(403);
        assertThat(as("max").put("/api/users/" + agent, "{\"role\": \"ADMIN\"}").status()).isEqualTo(403);
        assertThat(as("eve").put("/api/users/" + agent, "{\"displayName\": \"Eve\"}").status()).as("an agent changes nobody").isEqualTo(403);

        Api.Reply promoted = admin.put("/api/users/" + agent, "{\"role\": \"analyst\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().get("role").asText()).isEqualTo("ANALYST");
        assertThat(as("eve").get("/api/campaigns/0/reports/leads").status()).as("the new role applies at once").isNotEqualTo(403);

        Api.Reply self = admin.put("/api/users/" + adminId, "{\"enabled\": false}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("errors").get(0).get("field").asText()).isEqualTo("enabled");
        assertThat(admin.put("/api/users/" + agent, "{\"role\": \"BOSS\"}").status()).isEqualTo(400);
    }

    @Test
    void everyUserChangesTheirOwnPasswordGivingTheOldOne() {
        user("fay", "AGENT");

        Api.Reply wrongOld = as("fay").put("/api/me/password", "{\"oldPassword\": \"guess-guess\", \"newPassword\": \"fay-new-password\"}");
        assertThat(wrongOld.status()).isEqualTo(400);
        assertThat(wrongOld.json().get("errors").get(0).get("field").asText()).isEqualTo("oldPassword");
        assertThat(as("fay").put("/api/me/password", "{\"oldPassword\": \"fay-password\", \"newPassword\": \"short\"}").status())
                .isEqualTo(400);

        Api.Reply changed = as("fay").put("/api/me/password", "{\"oldPassword\": \"fay-password\", \"newPassword\": \"fay-new-password\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(new Api(port, "fay", "fay-new-password").get("/api/me").status()).isEqualTo(200);
        assertThat(as("fay").get("/api/me").status()).as("the old password, even just used").isEqualTo(401);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE username = 'fay'", String.class))
                .contains("PASSWORD_CHANGED", "SIGN_IN_FAILED");
    }

    @Test
    void anApiTokenIsShownOnceStoredHashedAndActsWithItsUsersRole() {
        user("gus", "MANAGER");
        user("hal", "AGENT");
        Api.Reply created = as("gus").post("/api/me/tokens", "{\"name\": \"nightly import\", \"expiresInDays\": 30}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asText();
        long id = created.json().get("id").asLong();
        assertThat(token).startsWith("odt_").hasSizeGreaterThan(40);

        Api gus = Api.withToken(port, token);
        assertThat(gus.post("/api/campaigns", "{\"name\": \"by token\"}").status()).as("a manager's token, no CSRF token needed").isEqualTo(201);
        assertThat(gus.get("/api/audit").status()).as("but no more than a manager (the audit log is the administrators')").isEqualTo(403);
        String halToken = as("hal").post("/api/me/tokens", "{\"name\": \"desk\"}").json().get("token").asText();
        assertThat(Api.withToken(port, halToken).post("/api/campaigns", "{\"name\": \"by agent\"}").status()).isEqualTo(403);

        Api.Reply listed = as("gus").get("/api/me/tokens");
        assertThat(listed.body()).doesNotContain(token).doesNotContain("odt_");
        assertThat(listed.json().get(0).get("name").asText()).isEqualTo("nightly import");
        assertThat(listed.json().get(0).get("lastUsedAt").isNull()).as("usage noted").isFalse();
        assertThat(jdbc.queryForObject("SELECT secret_sha256 FROM api_tokens WHERE id = ?", String.class, id))
                .hasSize(64).isNotEqualTo(token);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_tokens WHERE secret_sha256 LIKE '%odt_%'", Long.class)).isZero();
    }

    @Test
    void aRevokedOrExpiredTokenOrSomeoneElsesTokenIdOpensNothing() {
        user("ida", "MANAGER");
        user("jon", "MANAGER");
        Api ida = as("ida");
        String revoked = ida.post("/api/me/tokens", "{\"name\": \"old laptop\"}").json().get("token").asText();
        long revokedId = ida.get("/api/me/tokens").json().get(0).get("id").asLong();
        String expired = ida.post("/api/me/tokens", "{\"name\": \"contractor\", \"expiresInDays\": 1}").json().get("token").asText();
        assertThat(Api.withToken(port, revoked).get("/api/campaigns").status()).isEqualTo(200);

        assertThat(as("jon").delete("/api/me/tokens/" + revokedId).status()).as("not jon's to revoke").isEqualTo(404);
        Api.Reply revoke = ida.delete("/api/me/tokens/" + revokedId);
        jdbc.update("UPDATE api_tokens SET expires_at = created_at WHERE name = 'contractor'");

        assertThat(revoke.status()).isEqualTo(200);
        assertThat(revoke.json().get("revokedAt").isNull()).isFalse();
        assertThat(Api.withToken(port, revoked).get("/api/campaigns").status()).isEqualTo(401);
        assertThat(Api.withToken(port, expired).get("/api/campaigns").status()).isEqualTo(401);
        assertThat(Api.withToken(port, "odt_" + "A".repeat(43)).get("/api/campaigns").status()).isEqualTo(401);
        assertThat(ida.post("/api/me/tokens", "{\"name\": \"\"}").status()).isEqualTo(400);
    }
}
