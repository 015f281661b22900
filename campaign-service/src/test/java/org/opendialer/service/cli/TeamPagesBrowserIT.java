package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages that run the floor, in a real browser in English and Chinese: an administrator adds, edits, disables
 * and resets an agent and reads the audit log; a manager switches a list off and recycles its unanswered leads,
 * keeps the do-not-call lists and watches every campaign on the wallboard; an agent sees their callbacks and the
 * one due soon. Each page is photographed at desktop and phone width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamPagesBrowserIT {

    private UiBrowser ui;
    private long campaign;
    private long al;

    @BeforeAll
    void serve() throws Exception {
        assumeTrue(UiBrowser.available(), "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        ui = new UiBrowser("team");
        ui.user("ada", "ADMIN", "Ada Admin");
        ui.user("mia", "MANAGER", "Mia Manager");
        al = ui.user("al", "AGENT", "Al Agent");
        campaign = ui.campaign("{\"name\": \"Team offer\", \"mode\": \"PROGRESSIVE\", \"defaultRegion\": \"CN\"" + UiBrowser.allDay() + "}");
        ui.importLeads(campaign, "phone,first_name\n13800000001,张伟\n13800000002,王芳\n13800000003,刘洋\n");
    }

    @AfterAll
    void close() {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    @Order(1)
    void anAdministratorAddsEditsDisablesAndResetsAnAgent() throws Exception {
        ui.signIn("ada");
        ui.open("/manager/users", "en");
        ui.wait.until(d -> !d.findElements(By.id("user-al")).isEmpty());
        ui.set("username", "kai");
        ui.set("displayName", "Kai Agent");
        ui.set("password", "short");
        ui.set("role", "AGENT");
        ui.set("skills", "broadband, mandarin");
        ui.set("phoneEndpoint", "PJSIP/agent1001");
        ui.browser.findElement(By.id("save-user")).click();
        ui.wait.until(d -> !d.findElements(By.id("error-password")).isEmpty());
        assertThat(ui.text("error-password")).contains("at least 8 characters");
        ui.shotBothWidths("team-users-refused-en");
        ui.set("password", "kai-password");
        ui.browser.findElement(By.id("save-user")).click();
        ui.wait.until(d -> !d.findElements(By.id("user-kai")).isEmpty());
        assertThat(ui.find("#user-kai .skills").getText()).isEqualTo("broadband, mandarin");
        assertThat(ui.jdbc.queryForObject("SELECT phone_endpoint FROM users WHERE username = 'kai'", String.class)).isEqualTo("PJSIP/agent1001");

        ui.find("#user-kai .act-edit").click();
        ui.set("skills", "broadband, cantonese");
        ui.browser.findElement(By.id("save-user")).click();
        ui.wait.until(d -> d.findElement(By.cssSelector("#user-kai .skills")).getText().equals("broadband, cantonese"));

        ui.find("#user-kai .act-disable").click();
        ui.wait.until(d -> "false".equals(d.findElement(By.cssSelector("#user-kai .enabled")).getAttribute("data-enabled")));
        assertThat(ui.jdbc.queryForObject("SELECT enabled FROM users WHERE username = 'kai'", Boolean.class)).isFalse();

        ui.find("#user-al .act-reset").click();
        ui.wait.until(d -> d.findElement(By.id("password-dialog")).isDisplayed());
        ui.browser.findElement(By.cssSelector("#password-form [name=password]")).sendKeys("al-new-password");
        ui.browser.findElement(By.id("password-save")).click();
        ui.wait.until(d -> d.findElement(By.id("users-message")).getText().contains("al"));
        assertThat(new Api(ui.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class), "al", "al-new-password")
                .get("/api/me").status()).isEqualTo(200);
        ui.admin.post("/api/users/" + al + "/password", "{\"password\": \"al-password\"}"); // the later tests sign in as al
        ui.shotBothWidths("team-users-en");

        ui.open("/manager/users", "zh");
        ui.wait.until(d -> d.findElement(By.cssSelector("#user-kai .enabled")).getText().equals("已停用"));
        assertThat(ui.find("#user-kai .role").getText()).isEqualTo("坐席");
        assertThat(ui.text("user-form-title")).isEqualTo("新建用户");
        ui.shotBothWidths("team-users-zh");
    }

    @Test
    @Order(2)
    void anAdministratorReadsTheAuditLogFilteredByAction() throws Exception {
        ui.signIn("ada");
        for (String lang : List.of("en", "zh")) {
            ui.open("/admin/audit", lang);
            new Select(ui.browser.findElement(By.id("audit-action"))).selectByValue("PASSWORD_RESET");
            ui.browser.findElement(By.id("audit-show")).click();
            ui.wait.until(d -> !d.findElements(By.cssSelector("#entries tr.entry")).isEmpty()
                    && d.findElements(By.cssSelector("#entries tr.entry")).stream().allMatch(r -> "PASSWORD_RESET".equals(r.getAttribute("data-action"))));
            assertThat(ui.text("entries")).contains("ada", "user " + al).contains(lang.equals("zh") ? "重置密码" : "Password reset");
            ui.shotBothWidths("team-audit-" + lang);
        }
    }

    @Test
    @Order(3)
    void aManagerSwitchesAListOffAndRecyclesItsUnansweredLeads() throws Exception {
        long list = ui.jdbc.queryForObject("SELECT MAX(id) FROM lead_lists WHERE campaign_id = ?", Long.class, campaign);
        ui.jdbc.update("UPDATE leads SET status = 'DONE', last_result = 'NO_ANSWER', attempt_count = 5 WHERE list_id = ? AND first_name <> '刘洋'", list);
        ui.jdbc.update("UPDATE leads SET status = 'DONE', last_result = 'HUMAN', last_disposition = 'SALE' WHERE first_name = '刘洋'");
        ui.signIn("mia");
        ui.open("/manager/lists?campaign=" + campaign, "en");
        ui.wait.until(d -> !d.findElements(By.id("list-" + list)).isEmpty());
        assertThat(ui.find("#list-" + list + " .leads").getText()).isEqualTo("3");
        assertThat(ui.find("#list-" + list + " .finished").getText()).isEqualTo("3");
        ui.find("#list-" + list + " .act-disable").click();
        ui.wait.until(d -> "false".equals(d.findElement(By.cssSelector("#list-" + list + " .active")).getAttribute("data-active")));
        assertThat(ui.jdbc.queryForObject("SELECT active FROM lead_lists WHERE id = ?", Boolean.class, list)).isFalse();

        ui.browser.findElement(By.id("recycle")).click(); // nothing ticked: refused by the server, by field
        ui.wait.until(d -> !d.findElements(By.id("error-results")).isEmpty());
        ui.browser.findElement(By.id("result-NO_ANSWER")).click();
        ui.browser.findElement(By.id("recycle")).click();
        ui.wait.until(d -> d.findElement(By.id("recycle-message")).getText().contains("2 lead(s)"));
        assertThat(ui.jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE list_id = ? AND status = 'NEW'", Long.class, list)).isEqualTo(2);
        ui.wait.until(d -> d.findElement(By.cssSelector("#list-" + list + " .finished")).getText().equals("1"));
        ui.shotBothWidths("team-lists-en");

        ui.open("/manager/lists?campaign=" + campaign, "zh");
        ui.wait.until(d -> d.findElement(By.cssSelector("#list-" + list + " .active")).getText().equals("已关闭"));
        assertThat(ui.text("results")).contains("无人接听", "忙线");
        ui.find("#list-" + list + " .act-enable").click();
        ui.wait.until(d -> "true".equals(d.findElement(By.cssSelector("#list-" + list + " .active")).getAttribute("data-active")));
        ui.shotBothWidths("team-lists-zh");
    }

    @Test
    @Order(4)
    void aManagerAddsSearchesImportsExportsAndRemovesDoNotCallNumbers() throws Exception {
        ui.signIn("mia");
        ui.open("/manager/dnc", "en");
        ui.set("phone", "not a number");
        ui.browser.findElement(By.id("dnc-add")).click();
        ui.wait.until(d -> !d.findElements(By.id("error-phone")).isEmpty());
        assertThat(ui.text("error-phone")).contains("not a valid phone number");
        ui.shotBothWidths("team-dnc-refused-en");

        ui.open("/manager/dnc", "zh");
        ui.set("phone", "139 1234 5678");
        ui.set("reason", "客户投诉");
        ui.browser.findElement(By.id("dnc-add")).click();
        ui.wait.until(d -> d.findElement(By.id("add-message")).getText().contains("已加入名单"));
        ui.wait.until(d -> !d.findElements(By.cssSelector("#numbers tr[data-phone='+8613912345678']")).isEmpty());
        assertThat(ui.jdbc.queryForObject("SELECT reason FROM dnc_numbers WHERE phone_e164 = '+8613912345678'", String.class)).isEqualTo("客户投诉");

        Path file = Files.createTempFile("dnc", ".csv");
        Files.writeString(file, "phone\n13700000001\n13700000002\nnot a number\n", StandardCharsets.UTF_8);
        ui.browser.findElement(By.id("dnc-file")).sendKeys(file.toAbsolutePath().toString());
        ui.browser.findElement(By.id("dnc-upload")).click();
        ui.wait.until(d -> d.findElement(By.id("import-message")).getText().contains("已添加 2 个号码"));
        assertThat(ui.jdbc.queryForObject("SELECT COUNT(*) FROM dnc_numbers WHERE phone_e164 LIKE '+86137000000%'", Long.class)).isEqualTo(2);

        ui.set("q", "1370000");
        ui.browser.findElement(By.id("dnc-search")).click();
        ui.wait.until(d -> d.findElements(By.cssSelector("#numbers tr.number")).size() == 2);
        assertThat(ui.text("numbers")).contains("导入").doesNotContain("+8613912345678");
        ui.shotBothWidths("team-dnc-zh");
        Object csv = ui.js("return fetch(document.getElementById('dnc-export').href).then(r => r.text());");
        assertThat(csv.toString()).startsWith("phone,").contains("+8613700000001", "+8613912345678,0,API,客户投诉");
        Object head = ui.js("return fetch(document.getElementById('dnc-export').href).then(r => r.arrayBuffer())"
                + ".then(b => Array.from(new Uint8Array(b).slice(0, 3)).join(','));");
        assertThat(head).isEqualTo("239,187,191"); // the UTF-8 byte-order mark, which the browser's text() hides

        ui.find("#numbers tr[data-phone='+8613700000001'] .act-remove").click();
        ui.wait.until(d -> d.findElements(By.cssSelector("#numbers tr.number")).size() == 1);
        assertThat(ui.jdbc.queryForObject("SELECT COUNT(*) FROM dnc_numbers WHERE phone_e164 = '+8613700000001'", Long.class)).isZero();
    }

    @Test
    @Order(5)
    void aManagerWatchesEveryActiveCampaignOnTheWallboard() throws Exception {
        assertThat(ui.admin.post("/api/campaigns/" + campaign + "/start", "{}").status()).isEqualTo(200);
        // a second campaign whose last hour abandoned 2 of 10 answered calls: 20 % against its 3 % cap
        long over = ui.campaign("{\"name\": \"Over cap\", \"mode\": \"PROGRESSIVE\"" + UiBrowser.allDay() + "}");
        Timestamp now = Timestamp.from(Instant.now());
        ui.jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, status, created_at, updated_at) "
                + "VALUES (?, '+8613900000099', 'Asia/Shanghai', 'DONE', ?, ?)", over, now, now);
        long overLead = ui.jdbc.queryForObject("SELECT id FROM leads WHERE campaign_id = ?", Long.class, over);
        for (int i = 0; i < 10; i++) {
            Timestamp at = Timestamp.from(Instant.now().minusSeconds(600 + i * 60L));
            ui.jdbc.update("INSERT INTO call_attempts (campaign_id, lead_id, phone_e164, attempt_no, dialing_mode, state, result, abandoned, "
                    + "placed_at, answered_at) VALUES (?, ?, '+8613900000099', ?, 'PROGRESSIVE', 'ENDED', 'HUMAN', ?, ?, ?)",
                    over, overLead, i + 1, i < 2, at, at);
        }
        assertThat(ui.admin.post("/api/campaigns/" + over + "/start", "{}").status()).isEqualTo(200);
        ui.signIn("mia");
        for (String lang : List.of("en", "zh")) {
            ui.open("/manager/wallboard", lang);
            ui.wait.until(d -> !d.findElements(By.id("wall-" + campaign)).isEmpty());
            ui.wait.until(d -> d.findElement(By.cssSelector("#wall-" + campaign + " .status")).getText().equals(lang.equals("zh") ? "运行中" : "Running"));
            assertThat(ui.find("#wall-" + campaign + " .abandon").getText()).contains(lang.equals("zh") ? "上限 3.0 %" : "cap 3.0 %");
            assertThat(ui.find("#wall-" + campaign + " .callable .value").getText()).isEqualTo("2");
            ui.wait.until(d -> "true".equals(d.findElement(By.id("wall-" + over)).getAttribute("data-over")));
            assertThat(ui.find("#wall-" + over + " .abandon").getText()).contains("20.0 %", lang.equals("zh") ? "超过上限" : "Over the cap");
            assertThat(ui.find("#wall-" + campaign).getAttribute("data-over")).isEqualTo("false");
            String first = ui.text("updated");
            ui.wait.until(d -> !d.findElement(By.id("updated")).getText().equals(first)); // pushed again without a reload
            ui.shotBothWidths("team-wallboard-" + lang);
        }
        ui.admin.post("/api/campaigns/" + campaign + "/pause", "{}");
        ui.admin.post("/api/campaigns/" + over + "/stop", "{}");
    }

    @Test
    @Order(6)
    void anAgentSeesTheirCallbacksAndTheOneDueSoon() throws Exception {
        long lead = ui.jdbc.queryForObject("SELECT id FROM leads WHERE first_name = '张伟'", Long.class);
        Timestamp now = Timestamp.from(Instant.now());
        ui.jdbc.update("INSERT INTO callbacks (campaign_id, lead_id, agent_id, due_at, time_zone, source, note, status, created_at) "
                + "VALUES (?, ?, ?, ?, 'Asia/Shanghai', 'AGENT', '问套餐价格', 'PENDING', ?)", campaign, lead, al,
                Timestamp.from(Instant.now().plusSeconds(120)), now);
        ui.jdbc.update("INSERT INTO callbacks (campaign_id, lead_id, agent_id, due_at, time_zone, source, note, status, created_at) "
                + "VALUES (?, ?, ?, ?, 'Asia/Shanghai', 'AGENT', '下周再联系', 'PENDING', ?)", campaign, lead, al,
                Timestamp.from(Instant.now().plusSeconds(7 * 86400)), now);
        ui.signIn("al");
        for (String lang : List.of("en", "zh")) {
            ui.open("/agent/callbacks", lang);
            ui.wait.until(d -> d.findElements(By.cssSelector("#callbacks tr.callback")).size() == 2);
            assertThat(ui.browser.findElements(By.cssSelector("#callbacks tr.callback"))).extracting(r -> r.getAttribute("data-due"))
                    .containsExactly("soon", "later");
            assertThat(ui.find("#due-soon").isDisplayed()).isTrue();
            assertThat(ui.text("due-soon")).contains("张伟").contains(lang.equals("zh") ? "5 分钟内到期" : "Due within 5 minutes");
            ui.shotBothWidths("team-callbacks-" + lang);
        }
        ui.open("/agent", "zh"); // the desktop reminds of it too
        ui.wait.until(d -> d.findElement(By.id("callback-reminder")).isDisplayed());
        assertThat(ui.text("callback-reminder")).contains("5 分钟内到期", "张伟", "我的回拨");
        ui.shotBothWidths("team-desktop-reminder-zh");
        ui.open("/agent/callbacks", "en");
        ui.wait.until(d -> !d.findElements(By.cssSelector("#callbacks tr.soon a")).isEmpty());
        ui.find("#callbacks tr.soon a").click();
        ui.wait.until(d -> d.findElement(By.id("lead-name")).getText().contains("张伟"));
    }

    private org.openqa.selenium.WebElement node(String id, String css) {
        return ui.find(".node-card[data-node='" + id + "'] " + css);
    }

    @Test
    @Order(7)
    void aManagerBuildsATalkTrackNodeByNodeWithLiveChecksAndHearsAPrompt() throws Exception {
        ui.signIn("mia");
        ui.open("/manager/scripts/editor", "en");
        ui.wait.until(d -> "false".equals(d.findElement(By.id("validity")).getAttribute("data-valid")));
        assertThat(node("hello", ".node-problems").getText()).contains("missing prompt (say)");
        ui.browser.findElement(By.id("track-name")).sendKeys("Fibre offer");
        node("hello", "textarea").sendKeys("Hello {first_name}, would you like faster fibre?");
        ui.browser.findElement(By.id("add-node")).click();
        ui.wait.until(d -> !d.findElements(By.cssSelector(".node-card[data-node='node2']")).isEmpty());
        new Select(node("node2", "select[name=action]")).selectByValue("end");
        node("node2", "textarea").sendKeys("Goodbye.");
        new Select(node("node2", "select[name=disposition]")).selectByValue("NOT_INTERESTED");
        for (String intent : List.of("YES", "NO")) {
            new Select(node("hello", ".new-intent")).selectByValue(intent);
            node("hello", ".add-branch").click();
            ui.wait.until(d -> !d.findElements(By.cssSelector(".node-card[data-node='hello'] .branch[data-intent='" + intent + "']")).isEmpty());
            new Select(node("hello", ".branch[data-intent='" + intent + "'] .branch-target")).selectByValue("node2");
        }
        ui.wait.until(d -> "true".equals(d.findElement(By.id("validity")).getAttribute("data-valid")));
        assertThat(ui.text("validity")).isEqualTo("No problems: the script can be saved.");

        node("hello", ".say-it").click(); // spoken by the robot's voice and played in the page
        ui.wait.until(d -> !d.findElements(By.cssSelector(".node-card[data-node='hello'] .say-status audio")).isEmpty());
        assertThat(Long.parseLong(node("hello", ".say-status").getAttribute("data-bytes"))).isGreaterThan(10_000);
        ui.shotBothWidths("editor-en");

        ui.browser.findElement(By.id("save-track")).click();
        ui.wait.until(d -> d.findElement(By.id("save-message")).getText().equals("Saved: Fibre offer version 1."));
        long script = ui.jdbc.queryForObject("SELECT id FROM scripts WHERE name = 'Fibre offer'", Long.class);
        Api.Reply prompts = ui.admin.get("/api/scripts/" + script + "/prompts");
        assertThat(prompts.body()).contains("would you like faster fibre?", "Goodbye.");

        ui.open("/manager/scripts/editor?script=" + script, "zh");
        ui.wait.until(d -> !d.findElements(By.cssSelector(".node-card[data-node='node2']")).isEmpty());
        assertThat(node("hello", ".branch[data-intent='YES'] .intent").getText()).isEqualTo("是");
        assertThat(node("hello", ".say-it").getText()).isEqualTo("试听");
        ui.wait.until(d -> "true".equals(d.findElement(By.id("validity")).getAttribute("data-valid")));
        node("hello", "textarea").clear();
        node("hello", "textarea").sendKeys("您好，想了解千兆宽带吗？");
        node("hello", ".say-it").click();
        ui.wait.until(d -> node("hello", ".say-status").getText().contains("只能朗读英文"));
        node("hello", ".branch[data-intent='YES'] .remove-branch").click();
        node("hello", ".branch[data-intent='NO'] .remove-branch").click();
        ui.wait.until(d -> node("hello", ".node-problems").getText().contains("提问节点缺少分支"));
        assertThat(ui.text("validity")).contains("保存前需修正");
        ui.shotBothWidths("editor-zh");
    }

    @Test
    @Order(8)
    void anAnalystFindsARecordingByGradeAndResultAndPlaysIt() throws Exception {
        ui.user("ann", "ANALYST", "Ann Analyst");
        long lead = ui.jdbc.queryForObject("SELECT id FROM leads WHERE first_name = '王芳'", Long.class);
        ui.jdbc.update("UPDATE leads SET interest_grade = 'B' WHERE id = ?", lead);
        Path wav = Files.createDirectories(ui.recordings.resolve("team")).resolve("call.wav");
        Files.write(wav, new byte[] {'R', 'I', 'F', 'F', 36, 0, 0, 0, 'W', 'A', 'V', 'E'});
        ui.jdbc.update("INSERT INTO call_attempts (campaign_id, lead_id, phone_e164, attempt_no, dialing_mode, state, result, placed_at, "
                + "agent_id, talk_s, disposition_code, recording_path) VALUES (?, ?, '+8613800000002', 1, 'PROGRESSIVE', 'ENDED', 'HUMAN', ?, ?, 95, "
                + "'INTERESTED', 'team/call.wav')", campaign, lead, Timestamp.from(Instant.now()), al);
        long attempt = ui.jdbc.queryForObject("SELECT MAX(id) FROM call_attempts", Long.class);
        ui.signIn("ann");
        for (String lang : List.of("en", "zh")) {
            ui.open("/analyst/recordings", lang);
            new Select(ui.browser.findElement(By.id("rec-grade"))).selectByValue("A");
            ui.browser.findElement(By.id("rec-search")).click();
            ui.wait.until(d -> d.findElement(By.id("no-recordings")).isDisplayed());
            new Select(ui.browser.findElement(By.id("rec-grade"))).selectByValue("B");
            new Select(ui.browser.findElement(By.id("rec-result"))).selectByValue("INTERESTED");
            ui.browser.findElement(By.id("rec-search")).click();
            ui.wait.until(d -> !d.findElements(By.id("recording-" + attempt)).isEmpty());
            assertThat(ui.text("recording-" + attempt)).contains("王芳", "Al Agent", lang.equals("zh") ? "有意向" : "Interested", "95 s");
            ui.shotBothWidths("team-recordings-" + lang);
        }
        Object played = ui.js("return fetch(document.querySelector('#recording-" + attempt + " audio').src).then(r => r.status);");
        assertThat(played).isEqualTo(200L);
        assertThat(ui.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'RECORDING_PLAYED' AND username = 'ann' AND target = ?",
                Long.class, "attempt " + attempt)).isEqualTo(1);
    }

    @Test
    @Order(9)
    void anAgentFindsTheirLeadAndCorrectsIt() throws Exception {
        ui.signIn("al");
        ui.open("/leads", "zh");
        ui.set("q", "王芳");
        ui.browser.findElement(By.id("lead-search")).click();
        long lead = ui.jdbc.queryForObject("SELECT id FROM leads WHERE first_name = '王芳'", Long.class);
        ui.wait.until(d -> !d.findElements(By.id("found-" + lead)).isEmpty());
        assertThat(ui.find("#found-" + lead + " .location").getText()).isEqualTo("北京市");
        ui.shotBothWidths("team-lead-search-zh");
        ui.find("#found-" + lead + " a").click();
        ui.wait.until(d -> d.findElement(By.id("lead-name")).getText().contains("王芳"));
        ui.open("/leads/" + lead, "en");
        ui.wait.until(d -> "王芳".equals(d.findElement(By.name("firstName")).getAttribute("value")));
        ui.set("email", "not an address");
        ui.browser.findElement(By.id("save-lead")).click();
        ui.wait.until(d -> !d.findElements(By.id("error-email")).isEmpty());
        assertThat(ui.text("error-email")).contains("is not an e-mail address");
        ui.set("email", "wang.fang@example.cn");
        ui.set("company", "北京宽带");
        ui.browser.findElement(By.id("save-lead")).click();
        ui.wait.until(d -> d.findElement(By.id("lead-edit-message")).getText().equals("Saved."));
        assertThat(ui.jdbc.queryForObject("SELECT CONCAT(company, ' ', email) FROM leads WHERE id = ?", String.class, lead))
                .isEqualTo("北京宽带 wang.fang@example.cn");
        ui.shotBothWidths("team-lead-edit-en");
        ui.open("/leads", "en");
        ui.set("q", "刘洋"); // called by nobody: not this agent's lead
        ui.browser.findElement(By.id("lead-search")).click();
        ui.wait.until(d -> d.findElement(By.id("none-found")).isDisplayed());
    }

    @Test
    @Order(10)
    void aManagerAddsACampaignsOwnDisposition() throws Exception {
        ui.signIn("mia");
        ui.open("/manager/dispositions", "en");
        ui.wait.until(d -> !d.findElements(By.id("disposition-SALE")).isEmpty());
        ui.set("code", "x");
        ui.set("label", "Sent brochure");
        ui.browser.findElement(By.id("d-save")).click();
        ui.wait.until(d -> !d.findElements(By.id("error-code")).isEmpty());
        ui.set("code", "sent_brochure");
        new Select(ui.browser.findElement(By.id("d-effect"))).selectByValue("RETRY");
        ui.browser.findElement(By.id("d-save")).click();
        ui.wait.until(d -> !d.findElements(By.id("disposition-SENT_BROCHURE")).isEmpty());
        assertThat(ui.find("#disposition-SENT_BROCHURE .effect").getText()).isEqualTo("Dialled again later");
        assertThat(ui.jdbc.queryForObject("SELECT effect FROM dispositions WHERE scope_campaign_id = ? AND code = 'SENT_BROCHURE'",
                String.class, campaign)).isEqualTo("RETRY");
        ui.shotBothWidths("team-dispositions-en");
        ui.open("/manager/dispositions", "zh");
        ui.wait.until(d -> !d.findElements(By.id("disposition-SENT_BROCHURE")).isEmpty());
        assertThat(ui.find("#disposition-SALE .label").getText()).isEqualTo("成交");
        assertThat(ui.find("#disposition-SENT_BROCHURE .effect").getText()).isEqualTo("稍后重拨");
        ui.shotBothWidths("team-dispositions-zh");
    }

    @Test
    @Order(11)
    void aManagerKeepsTheCentresHolidays() throws Exception {
        ui.signIn("mia");
        ui.open("/manager/holidays", "zh");
        ui.set("from", "2027-10-01");
        ui.set("to", "2027-10-07");
        ui.browser.findElement(By.id("h-add")).click(); // no name: refused by field
        ui.wait.until(d -> !d.findElements(By.id("error-name")).isEmpty());
        assertThat(ui.text("error-name")).contains("国庆节");
        ui.set("name", "国庆节");
        ui.browser.findElement(By.id("h-add")).click();
        ui.wait.until(d -> d.findElements(By.cssSelector("#holidays tr.holiday")).size() == 7);
        assertThat(ui.jdbc.queryForObject("SELECT COUNT(*) FROM holidays WHERE name = '国庆节'", Long.class)).isEqualTo(7);
        ui.shotBothWidths("team-holidays-zh");
        ui.open("/manager/holidays", "en");
        ui.wait.until(d -> d.findElements(By.cssSelector("#holidays tr.holiday")).size() == 7);
        ui.find("#holidays tr[data-day='2027-10-07'] .act-remove").click();
        ui.wait.until(d -> d.findElements(By.cssSelector("#holidays tr.holiday")).size() == 6);
        assertThat(ui.text("holidays")).contains("Oct 1, 2027");
        ui.shotBothWidths("team-holidays-en");
    }
}
