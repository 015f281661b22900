package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Who may do what, over HTTP: each role reaches its own work only, and agents only their own calls. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesIT {

    private ConfigurableApplicationContext context;
    private int port;
    private Api admin;
    private JdbcTemplate jdbc;
    private long campaign;
    private long agentId;
    private long otherAgentId;
    private long lead;
    private long attempt;
    private java.nio.file.Path recordings;

    @BeforeAll
    void serve() throws java.io.IOException {
        recordings = java.nio.file.Files.createTempDirectory("recordings");
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:access" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0", "--dialer.recordings.dir=" + recordings);
        context = serve.start();
        port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        admin = new Api(port);
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        user("mia", "MANAGER");
        user("ann", "ANALYST");
        agentId = user("al", "AGENT");
        otherAgentId = user("bo", "AGENT");
        campaign = admin.post("/api/campaigns", "{\"name\": \"access\"}").json().get("id").asLong();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, first_name, created_at, updated_at) VALUES (?, '+15550100001', 'UTC', 'Lee', ?, ?)",
                campaign, now, now);
        lead = jdbc.queryForObject("SELECT MAX(id) FROM leads", Long.class);
        jdbc.update("INSERT INTO call_attempts (campaign_id, lead_id, phone_e164, attempt_no, dialing_mode, state, placed_at, agent_id) "
                + "VALUES (?, ?, '+15550100001', 1, 'PREDICTIVE', 'ENDED', ?, ?)", campaign, lead, now, agentId);
        attempt = jdbc.queryForObject("SELECT MAX(id) FROM call_attempts", Long.class);
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

    @Test
    void withoutCredentialsTheApiAnswers401AndPagesSendToTheSignInPage() throws Exception {
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/campaigns")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/manager/campaigns")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(new Api(port, "al", "wrong-password").get("/api/agents/" + agentId).status()).isEqualTo(401);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        String hash = jdbc.queryForObject("SELECT password_hash FROM users WHERE username = 'al'", String.class);
        assertThat(hash).startsWith("$2").doesNotContain("al-password");
    }

    @Test
    void managersRunCampaignsAnalystsOnlyReadReports() {
        assertThat(as("mia").post("/api/campaigns", "{\"name\": \"by manager\"}").status()).isEqualTo(201);
        assertThat(as("ann").post("/api/campaigns", "{\"name\": \"by analyst\"}").status()).isEqualTo(403);
        assertThat(as("ann").get("/api/campaigns/" + campaign + "/reports/leads?format=csv").status()).isEqualTo(200);
        assertThat(as("ann").get("/api/campaigns/" + campaign + "/status").status()).isEqualTo(403);
        assertThat(as("mia").get("/api/users").status()).isEqualTo(200); // managers see the team they edit
        assertThat(as("ann").get("/api/users").status()).isEqualTo(403);
    }

    @Test
    void theTeamListsAndAuditPagesKeepToTheirRoles() {
        assertThat(as("mia").post("/api/users", "{\"username\": \"eve\", \"password\": \"eve-password\", \"role\": \"AGENT\"}").status())
                .isEqualTo(403);
        assertThat(as("mia").post("/api/users/" + agentId + "/password", "{\"password\": \"taken-over-1\"}").status()).isEqualTo(403);
        assertThat(admin.post("/api/users/" + agentId + "/password", "{\"password\": \"short\"}").status()).isEqualTo(400);
        assertThat(as("mia").get("/api/audit").status()).isEqualTo(403);
        assertThat(as("al").get("/api/audit").status()).isEqualTo(403);
        assertThat(admin.get("/api/audit?action=RECORDING_PLAYED").status()).isEqualTo(200);
        assertThat(as("mia").get("/api/dnc?q=555").status()).isEqualTo(200);
        assertThat(as("ann").get("/api/dnc?q=555").status()).isEqualTo(403);
        assertThat(as("al").get("/api/dnc/export").status()).isEqualTo(403);
        assertThat(as("al").post("/api/lists/1/recycle", "{\"results\": [\"BUSY\"]}").status()).isEqualTo(403);
        assertThat(as("al").get("/api/me/callbacks").status()).isEqualTo(200);
        // an agent finds only the leads of their own calls and callbacks, and corrects only those
        assertThat(as("al").get("/api/leads/search?q=Lee").json()).hasSize(1);
        assertThat(as("bo").get("/api/leads/search?q=Lee").json()).isEmpty();
        assertThat(as("bo").put("/api/leads/" + lead, "{\"company\": \"taken\"}").status()).isEqualTo(403);
        assertThat(as("ann").put("/api/leads/" + lead, "{\"company\": \"taken\"}").status()).isEqualTo(403);
        Api.Reply badMail = as("al").put("/api/leads/" + lead, "{\"email\": \"not-an-address\"}");
        assertThat(badMail.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(as("al").put("/api/leads/" + lead, "{\"company\": \"Lee Trading\"}").json().get("company").asText()).isEqualTo("Lee Trading");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LEAD_EDITED' AND username = 'al'", Long.class)).isEqualTo(1);
        assertThat(as("ann").get("/manager/wallboard").status()).isEqualTo(403);
        assertThat(as("al").get("/ui/wallboard/live").status()).isEqualTo(403);
        assertThat(as("mia").get("/admin/audit").status()).isEqualTo(403);
        assertThat(as("ann").get("/agent/callbacks").status()).isEqualTo(403);
    }

    @Test
    void agentsReachTheirOwnSessionCallsAndLeadsOnly() {
        Api al = as("al");
        assertThat(al.get("/api/agents/" + agentId).status()).isEqualTo(200);
        assertThat(al.post("/api/agents/" + otherAgentId + "/ready", "{}").status()).isEqualTo(403);
        assertThat(al.get("/api/leads/" + lead).json().get("first_name").asText()).isEqualTo("Lee");
        assertThat(al.get("/api/attempts/" + attempt).status()).isEqualTo(200);
        Api bo = as("bo");
        assertThat(bo.get("/api/leads/" + lead).status()).isEqualTo(403);
        assertThat(bo.get("/api/attempts/" + attempt).status()).isEqualTo(403);
        assertThat(bo.post("/api/attempts/" + attempt + "/disposition", "{\"code\": \"SALE\"}").status()).isEqualTo(403);
        assertThat(al.get("/api/campaigns/" + campaign + "/reports/leads").status()).isEqualTo(403);
        assertThat(al.post("/api/campaigns", "{\"name\": \"by agent\"}").status()).isEqualTo(403);
    }

    @Test
    void aRecordingPlaysForTheAgentWhoTookTheCallAndEveryPlaybackIsAudited() throws Exception {
        java.nio.file.Path wav = java.nio.file.Files.createDirectories(recordings.resolve(String.valueOf(campaign))).resolve(attempt + ".wav");
        java.nio.file.Files.write(wav, new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'});
        jdbc.update("UPDATE call_attempts SET recording_path = ? WHERE id = ?", campaign + "/" + attempt + ".wav", attempt);
        assertThat(as("bo").get("/api/attempts/" + attempt + "/recording").status()).isEqualTo(403);
        assertThat(as("ann").get("/api/attempts/" + attempt).status()).isEqualTo(403); // the call itself stays the agents'
        Api.Reply played = as("al").get("/api/attempts/" + attempt + "/recording");
        assertThat(played.status()).isEqualTo(200);
        assertThat(played.body()).startsWith("RIFF");
        assertThat(as("mia").get("/api/attempts/" + attempt + "/recording").status()).isEqualTo(200);
        assertThat(as("ann").get("/api/attempts/" + attempt + "/recording").status()).isEqualTo(200); // analysts review recordings
        assertThat(as("ann").get("/api/recordings?campaignId=" + campaign).json()).extracting(r -> r.get("id").asLong()).contains(attempt);
        assertThat(as("al").get("/api/recordings").status()).isEqualTo(403);
        assertThat(jdbc.queryForList("SELECT username FROM audit_log WHERE action = 'RECORDING_PLAYED' AND target = ? ORDER BY id",
                String.class, "attempt " + attempt)).containsExactly("al", "mia", "ann");
    }

    @Test
    void onlyAudioFilesInsideTheRecordingsFolderAreServedAndARefusalNamesNoServerPath() throws Exception {
        java.nio.file.Path outside = java.nio.file.Files.createTempFile("outside", ".wav");
        java.nio.file.Files.writeString(outside, "RIFF but not a recording");
        long other = jdbc.queryForObject("SELECT MAX(id) FROM call_attempts", Long.class);
        jdbc.update("INSERT INTO call_attempts (campaign_id, lead_id, phone_e164, attempt_no, dialing_mode, state, placed_at) "
                + "VALUES (?, ?, '+15550100001', 2, 'PREDICTIVE', 'ENDED', ?)", campaign, lead, Timestamp.from(Instant.now()));
        long stolen = jdbc.queryForObject("SELECT MAX(id) FROM call_attempts", Long.class);
        assertThat(stolen).isGreaterThan(other);
        for (String path : List.of("../../../../../../etc/passwd", "/etc/passwd", outside.toString(), "../" + outside.getFileName(),
                "missing/" + stolen + ".wav")) {
            jdbc.update("UPDATE call_attempts SET recording_path = ? WHERE id = ?", path, stolen);

            Api.Reply refused = as("mia").get("/api/attempts/" + stolen + "/recording");

            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.body()).doesNotContain("root:").doesNotContain("RIFF").doesNotContain(recordings.toString())
                    .doesNotContain("/etc").doesNotContain(outside.getParent().toString()).contains("not available");
        }
    }

    @Test
    void aReportExportIsAuditedWithWhoAndWhatFilter() {
        assertThat(as("ann").get("/api/campaigns/" + campaign + "/reports/leads?format=csv&grade=A,B").status()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT details FROM audit_log WHERE action = 'REPORT_EXPORTED' AND username = 'ann'", String.class))
                .anySatisfy(d -> assertThat(d).contains("grade A,B"));
        Api.Reply bad = as("ann").get("/api/campaigns/" + campaign + "/reports/leads?format=csv&grade=Z");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("grade");
    }

    @Test
    void aBrowserSessionPostWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://localhost:" + port;
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = loginPage.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=mia&password=mia-password&_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"forged\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> read = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
    }
}
