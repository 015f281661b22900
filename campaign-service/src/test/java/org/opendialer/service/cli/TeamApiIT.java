package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The API behind the team, list, do-not-call, audit and callback pages: what each changes, and a refusal as a
 * problem naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamApiIT {

    private ConfigurableApplicationContext context;
    private int port;
    private Api admin;
    private JdbcTemplate jdbc;
    private long campaign;
    private long list;
    private long agent;

    @BeforeAll
    void serve() {
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:team" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0");
        context = serve.start();
        port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        admin = new Api(port);
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        agent = admin.post("/api/users", "{\"username\": \"li\", \"password\": \"li-password\", \"role\": \"AGENT\", \"displayName\": \"李娜\"}")
                .json().get("id").asLong();
        campaign = admin.post("/api/campaigns", "{\"name\": \"团队\", \"defaultRegion\": \"CN\"}").json().get("id").asLong();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO lead_lists (campaign_id, name, active, created_at) VALUES (?, '春季名单', TRUE, ?)", campaign, now);
        list = jdbc.queryForObject("SELECT MAX(id) FROM lead_lists", Long.class);
        String[][] leads = {{"+8613800000001", "DONE", "NO_ANSWER", null}, {"+8613800000002", "EXHAUSTED", "BUSY", null},
            {"+8613800000003", "DONE", "HUMAN", "NOT_INTERESTED"}, {"+8613800000004", "DONE", "HUMAN", "SALE"},
            {"+8613800000005", "DNC", "NO_ANSWER", null}, {"+8613800000006", "RETRY", "NO_ANSWER", null}};
        for (String[] l : leads) {
            jdbc.update("INSERT INTO leads (campaign_id, list_id, phone_e164, time_zone, first_name, status, attempt_count, last_result, "
                    + "last_disposition, created_at, updated_at) VALUES (?, ?, ?, 'Asia/Shanghai', '客户', ?, 3, ?, ?, ?, ?)",
                    campaign, list, l[0], l[1], l[2], l[3], now, now);
        }
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void recyclingTakesBackFinishedLeadsByHowTheirLastCallEndedButNeverDoNotCallOnes() {
        Api.Reply refused = admin.post("/api/lists/" + list + "/recycle", "{\"results\": []}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("results");
        Api.Reply unknown = admin.post("/api/lists/" + list + "/recycle", "{\"results\": [\"BUSY\", \"SALE\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("results[1]");
        assertThat(admin.post("/api/lists/999999/recycle", "{\"results\": [\"BUSY\"]}").status()).isEqualTo(404);

        Api.Reply recycled = admin.post("/api/lists/" + list + "/recycle", "{\"results\": [\"no_answer\", \"BUSY\", \"NOT_INTERESTED\"]}");
        assertThat(recycled.status()).as(recycled.body()).isEqualTo(200);
        assertThat(recycled.json().get("recycled").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT phone_e164 FROM leads WHERE list_id = ? AND status = 'NEW' AND attempt_count = 0 ORDER BY phone_e164",
                String.class, list)).containsExactly("+8613800000001", "+8613800000002", "+8613800000003");
        assertThat(jdbc.queryForObject("SELECT status FROM leads WHERE phone_e164 = '+8613800000005'", String.class)).isEqualTo("DNC");
        assertThat(jdbc.queryForObject("SELECT status FROM leads WHERE phone_e164 = '+8613800000004'", String.class)).isEqualTo("DONE");
        Api.Reply lists = admin.get("/api/campaigns/" + campaign + "/lists");
        assertThat(lists.json().get(0).get("dnc").asInt()).isEqualTo(1);
    }

    @Test
    void doNotCallNumbersAreFoundByTheirDigitsOrReasonAndExportedWithAByteOrderMark() {
        assertThat(admin.post("/api/dnc", "{\"phone\": \"139 1234 5678\", \"region\": \"CN\", \"reason\": \"客户投诉\"}").status()).isEqualTo(201);
        assertThat(admin.post("/api/dnc", "{\"phone\": \"13712345670\", \"region\": \"CN\", \"campaignId\": " + campaign + "}").status())
                .isEqualTo(201);
        assertThat(admin.get("/api/dnc?q=1391234").json()).extracting(n -> n.get("phone_e164").asText()).containsExactly("+8613912345678");
        assertThat(admin.get("/api/dnc?q=投诉").json()).hasSize(1);
        assertThat(admin.get("/api/dnc?campaignId=" + campaign).json()).extracting(n -> n.get("phone_e164").asText())
                .containsExactly("+8613712345670");
        assertThat(admin.get("/api/dnc?limit=0").json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
        Api.Reply export = admin.get("/api/dnc/export?campaignId=0");
        assertThat(export.body()).startsWith("\uFEFFphone,campaign_id,source,reason,created_at").contains("+8613912345678,0,API,客户投诉,");
        assertThat(export.body()).doesNotContain("+8613712345670");
    }

    @Test
    void anAdministratorSetsSkillsAndPhoneAndResetsAPasswordWhichIsAudited() {
        Api.Reply bad = admin.put("/api/users/" + agent, "{\"phoneEndpoint\": \"not a channel\", \"skills\": [\"a,b\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("phoneEndpoint", "skills");
        Api.Reply changed = admin.put("/api/users/" + agent, "{\"phoneEndpoint\": \"PJSIP/agent1001\", \"skills\": [\"宽带\", \" mandarin \"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("phoneEndpoint").asText()).isEqualTo("PJSIP/agent1001");
        assertThat(changed.json().get("skills")).extracting(n -> n.asText()).containsExactly("宽带", "mandarin");
        assertThat(admin.put("/api/users/" + agent, "{\"phoneEndpoint\": \"\"}").json().get("phoneEndpoint").isNull()).isTrue();

        assertThat(admin.post("/api/users/" + agent + "/password", "{\"password\": \"short\"}").json().get("errors").get(0).get("field").asText())
                .isEqualTo("password");
        assertThat(admin.post("/api/users/" + agent + "/password", "{\"password\": \"新的密码-2026\"}").status()).isEqualTo(204);
        assertThat(new Api(port, "li", "li-password").get("/api/me").status()).isEqualTo(401);
        assertThat(new Api(port, "li", "新的密码-2026").get("/api/me").status()).isEqualTo(200);
        Api.Reply audit = admin.get("/api/audit?action=PASSWORD_RESET");
        assertThat(audit.json()).hasSize(1);
        assertThat(audit.json().get(0).get("target").asText()).isEqualTo("user " + agent);
        assertThat(admin.get("/api/audit?from=yesterday").json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    }

    @Test
    void anAgentListsTheirOwnOpenCallbacksSoonestFirst() {
        Timestamp now = Timestamp.from(Instant.now());
        long lead = jdbc.queryForObject("SELECT MIN(id) FROM leads WHERE campaign_id = ?", Long.class, campaign);
        for (Object[] c : new Object[][] {{agent, 7200, "PENDING", "晚些"}, {agent, 60, "PENDING", "马上"}, {agent, 30, "DONE", "已完成"},
            {null, 90, "PENDING", "任何坐席"}}) {
            jdbc.update("INSERT INTO callbacks (campaign_id, lead_id, agent_id, due_at, time_zone, source, note, status, created_at) "
                    + "VALUES (?, ?, ?, ?, 'Asia/Shanghai', 'AGENT', ?, ?, ?)", campaign, lead, c[0],
                    Timestamp.from(Instant.now().plusSeconds((Integer) c[1])), c[3], c[2], now);
        }
        Api.Reply mine = new Api(port, "li", currentPassword()).get("/api/me/callbacks");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json()).extracting(n -> n.get("note").asText()).containsExactly("马上", "晚些");
        assertThat(mine.json().get(0).get("campaign_name").asText()).isEqualTo("团队");
    }

    @Test
    void anAgentGradesALeadTheyCalledWithAReasonAndReportsShowIt() throws Exception {
        long lead = jdbc.queryForObject("SELECT id FROM leads WHERE phone_e164 = '+8613800000004'", Long.class);
        jdbc.update("INSERT INTO call_attempts (campaign_id, lead_id, phone_e164, attempt_no, dialing_mode, state, placed_at, agent_id) "
                + "VALUES (?, ?, '+8613800000004', 1, 'PROGRESSIVE', 'ENDED', ?, ?)", campaign, lead, Timestamp.from(Instant.now()), agent);
        Api li = new Api(port, "li", currentPassword());
        Api.Reply refused = li.put("/api/leads/" + lead + "/grade", "{\"grade\": \"E\", \"reason\": \"\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("grade", "reason");
        Api.Reply graded = li.put("/api/leads/" + lead + "/grade", "{\"grade\": \"b\", \"reason\": \"wants a quote next week\"}");
        assertThat(graded.status()).as(graded.body()).isEqualTo(200);
        assertThat(li.get("/api/leads/" + lead).json().get("interest_grade").asText()).isEqualTo("B");
        assertThat(admin.get("/api/audit?action=LEAD_GRADED").json().get(0).get("details").asText()).endsWith("-> B: wants a quote next week");
        String csv = admin.get("/api/campaigns/" + campaign + "/reports/leads?format=csv").body();
        assertThat(csv.lines().filter(l -> l.contains("+8613800000004")).findFirst().orElseThrow())
                .contains(",B,").contains("agent: wants a quote next week").endsWith(",Beijing");
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",lead_status,location");
        long other = jdbc.queryForObject("SELECT id FROM leads WHERE phone_e164 = '+8613800000006'", Long.class);
        assertThat(li.put("/api/leads/" + other + "/grade", "{\"grade\": \"A\", \"reason\": \"not my call\"}").status()).isEqualTo(403);
    }

    @Test
    void onACentreHolidayACampaignStartedThatDayCallsNobody() throws Exception {
        Api.Reply bad = admin.post("/api/holidays", "{\"from\": \"2026-10-07\", \"to\": \"2026-10-01\", \"name\": \"\"}");
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("to", "name");
        assertThat(admin.post("/api/holidays", "{\"from\": \"next monday\", \"name\": \"x\"}").json().get("errors").get(0).get("field").asText())
                .isEqualTo("from");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        // every zone's today lies within yesterday..tomorrow in UTC
        Api.Reply added = admin.post("/api/holidays", "{\"from\": \"" + today.minusDays(1) + "\", \"to\": \"" + today.plusDays(1)
                + "\", \"name\": \"国庆节\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json()).hasSize(3);
        long quiet = admin.post("/api/campaigns", "{\"name\": \"节日\", \"mode\": \"PROGRESSIVE\", \"windowStart\": \"00:00\", "
                + "\"windowEnd\": \"23:59\", \"windowDays\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", "
                + "\"SATURDAY\", \"SUNDAY\"]}").json().get("id").asLong();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, status, created_at, updated_at) "
                + "VALUES (?, '+8613900000001', 'Asia/Shanghai', 'NEW', ?, ?)", quiet, now, now);
        assertThat(admin.post("/api/campaigns/" + quiet + "/start", "{}").status()).isEqualTo(200);
        long ready = admin.post("/api/users", "{\"username\": \"holiday-agent\", \"password\": \"holiday-password\", \"role\": \"AGENT\"}")
                .json().get("id").asLong();
        assertThat(admin.post("/api/agents/" + ready + "/login", "{\"campaignId\": " + quiet + "}").status()).isEqualTo(200);
        assertThat(admin.post("/api/agents/" + ready + "/ready", "{}").status()).isEqualTo(200);
        try {
            admin.await("/api/campaigns/" + quiet + "/status", java.time.Duration.ofSeconds(20), s -> s != null
                    && s.path("notDialingBecause").toString().contains("outside every lead's calling window"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ?", Long.class, quiet)).isZero();
        } finally {
            admin.post("/api/agents/" + ready + "/logout", "{}");
            admin.post("/api/campaigns/" + quiet + "/stop", "{}");
        }
        assertThat(admin.delete("/api/holidays/" + today).status()).isEqualTo(204);
        assertThat(admin.delete("/api/holidays/" + today).status()).isEqualTo(404);
        assertThat(admin.get("/api/holidays").json()).hasSize(2);
    }

    private String currentPassword() {
        return new Api(port, "li", "li-password").get("/api/me").status() == 200 ? "li-password" : "新的密码-2026";
    }
}
