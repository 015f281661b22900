package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page, in Chinese, as each role meets it (with data on it: a running campaign, a call on the agent's
 * screen, a report in its frame, an error page): no English UI string may be left, only the allowed Latin words
 * ({@link UiBrowser#ALLOWED_LATIN}: product and protocol names, formats, units, codes). Each page is photographed at
 * desktop and phone width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChineseWalkBrowserIT {

    private static final String SCRIPT = "name: 宽带推广\nstart: hello\nnodes:\n  hello:\n"
            + "    say: \"您好 {姓名}，我是开放宽带的客服，您对千兆宽带感兴趣吗？\"\n"
            + "    on: {YES: bye, NO: bye}\n  bye:\n    action: end\n    say: \"再见。\"\n    disposition: NOT_INTERESTED\n";

    private UiBrowser ui;
    private long campaign;
    private long draft;
    private long lead;
    /** Page → the English words found on it; every walk adds to it, the last test reports them all. */
    private final Map<String, List<String>> found = new LinkedHashMap<>();

    @BeforeAll
    void serve() throws Exception {
        assumeTrue(UiBrowser.available(), "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        ui = new UiBrowser("walk");
        ui.user("mia", "MANAGER", "王经理");
        ui.user("al", "AGENT", "李坐席");
        ui.user("ann", "ANALYST", "张分析");
        ui.user("ada", "ADMIN", "赵管理员");
        Api.Reply script = ui.admin.post("/api/scripts", SCRIPT, "application/yaml");
        assertThat(script.status()).as(script.body()).isEqualTo(201);
        campaign = ui.campaign("{\"name\": \"上海宽带\", \"mode\": \"PROGRESSIVE\", \"defaultRegion\": \"CN\", \"scriptId\": "
                + script.json().get("id").asLong() + UiBrowser.allDay() + "}");
        ui.importLeads(campaign, "phone,姓名,company,customer_status,last_purchase\n"
                + "13812345678,李娜,上海电信,ACTIVE,2026-01-15\n13912345679,王伟,北京联通,LOST,2025-06-01\n");
        ui.pinLeadsToMidday(campaign);
        draft = ui.campaign("{\"name\": \"北京促销\", \"mode\": \"PREDICTIVE\", \"defaultRegion\": \"CN\"}");
        lead = ui.jdbc.queryForObject("SELECT MIN(id) FROM leads WHERE campaign_id = ?", Long.class, campaign);
        assertThat(ui.admin.post("/api/campaigns/" + campaign + "/start", "{}").status()).isEqualTo(200);
    }

    @AfterAll
    void close() {
        if (ui != null) {
            ui.close();
        }
    }

    /** Opens {@code path} in Chinese, lets it fill, notes its English words and photographs it. */
    private void walk(String name, String path) throws Exception {
        ui.open(path, "zh");
        ui.settle();
        check(name);
    }

    private void check(String name) throws Exception {
        List<String> words = ui.untranslated(Set.of("mia", "al", "ann", "ada", "admin")); // the users' sign-in names are their own
        if (!words.isEmpty()) {
            found.computeIfAbsent(name, k -> new ArrayList<>()).addAll(words);
        }
        ui.shotBothWidths("zh-walk-" + name);
    }

    @Test
    @Order(1)
    void theSignInPageAndItsRefusal() throws Exception {
        ui.signOut();
        ui.open("/login", "zh");
        check("login");
        ui.browser.findElement(By.id("username")).sendKeys("mia");
        ui.browser.findElement(By.id("password")).sendKeys("wrong-password");
        ui.browser.findElement(By.id("login-submit")).click();
        ui.wait.until(d -> !d.findElements(By.id("login-error")).isEmpty());
        check("login-refused");
    }

    @Test
    @Order(2)
    void aManagersPages() throws Exception {
        ui.signIn("mia");
        walk("campaigns", "/manager/campaigns");
        walk("campaign-new", "/manager/campaigns/new");
        walk("campaign-edit", "/manager/campaigns/" + draft + "/edit");
        // a refused save shows the server's messages by field
        ui.set("name", "");
        ui.set("abandonTarget", "20");
        ui.browser.findElement(By.id("save")).click();
        ui.wait.until(d -> !d.findElements(By.className("field-error")).isEmpty());
        check("campaign-edit-refused");
        ui.open("/manager/campaigns/" + campaign, "zh");
        ui.wait.until(d -> !d.findElement(By.id("status")).getText().isBlank());
        ui.settle();
        check("dashboard");
        walk("import", "/manager/import");
        walk("scripts", "/manager/scripts");
        walk("lead", "/leads/" + lead);
        assertThat(ui.find("#lead-fields .lead-location").getText()).isEqualTo("江苏省连云港市"); // 号码归属地 of 138 1234 5678
        walk("not-found", "/manager/campaigns/999999");
        for (String page : extraManagerPages()) {
            walk(page.substring(1).replaceAll("[/?=]", "-"), page);
        }
    }

    /** The manager's and administrator's pages beyond the campaign ones. */
    private List<String> extraManagerPages() {
        return List.of("/manager/wallboard", "/manager/lists", "/manager/dnc", "/manager/dispositions", "/manager/holidays", "/manager/users", "/manager/scripts/editor?script=1",
                "/analyst/recordings", "/leads?q=李");
    }

    @Test
    @Order(3)
    void anAgentsDesktopWithACallOnScreen() throws Exception {
        ui.signIn("al");
        walk("agent-idle", "/agent");
        ui.wait.until(d -> d.findElements(By.cssSelector("#campaign option")).size() > 0);
        new Select(ui.browser.findElement(By.id("campaign"))).selectByValue(String.valueOf(campaign));
        ui.browser.findElement(By.id("login")).click();
        ui.wait.until(d -> List.of("PAUSED", "READY").contains(d.findElement(By.id("state")).getAttribute("data-state")));
        ui.browser.findElement(By.id("ready")).click();
        new WebDriverWait(ui.browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("screen-pop")).isDisplayed() && !d.findElement(By.id("lead-phone")).getText().isBlank());
        ui.wait.until(d -> d.findElements(By.cssSelector("#disposition option")).size() > 1);
        ui.settle();
        check("agent-screen-pop");
        ui.browser.findElement(By.id("save-disposition")).click(); // no disposition chosen: refused in the page
        ui.wait.until(d -> !d.findElements(By.id("error-code")).isEmpty());
        check("agent-disposition-refused");
        new Select(ui.browser.findElement(By.id("disposition"))).selectByValue("INTERESTED");
        ui.browser.findElement(By.id("save-disposition")).click();
        ui.wait.until(d -> d.findElement(By.id("disposition-message")).getAttribute("class").contains("note"));
        check("agent-disposition-saved");
        // the agent corrects the lead's grade: refused without a reason, then stored, shown and audited
        new Select(ui.browser.findElement(By.id("grade"))).selectByValue("A");
        ui.browser.findElement(By.id("save-grade")).click();
        ui.wait.until(d -> !d.findElements(By.id("error-reason")).isEmpty());
        check("agent-grade-refused");
        ui.set("reason", "客户想要千兆宽带");
        ui.browser.findElement(By.id("save-grade")).click();
        ui.wait.until(d -> d.findElement(By.id("grade-message")).getText().equals("等级已保存。"));
        assertThat(ui.text("grade-now")).isEqualTo("A");
        long graded = ui.jdbc.queryForObject("SELECT id FROM leads WHERE agent_grade = 'A' AND agent_grade_reason = '客户想要千兆宽带'", Long.class);
        assertThat(ui.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LEAD_GRADED' AND target = ? AND username = 'al'",
                Long.class, "lead " + graded)).isEqualTo(1);
        check("agent-grade-saved");
        walk("agent-callbacks", "/agent/callbacks");
        walk("agent-refused-manager-page", "/manager/campaigns");
    }

    @Test
    @Order(4)
    void anAnalystsReports() throws Exception {
        ui.signIn("ann");
        walk("reports", "/analyst/reports");
        for (String type : List.of("leads", "lost-customers", "campaign", "agents", "funnel")) {
            ui.wait.until(d -> d.findElements(By.cssSelector("#campaign option")).size() > 0);
            new Select(ui.browser.findElement(By.id("campaign"))).selectByValue(String.valueOf(campaign));
            new Select(ui.browser.findElement(By.id("type"))).selectByValue(type);
            ui.js("document.getElementById('report').srcdoc = '';");
            ui.browser.findElement(By.id("show")).click();
            ui.wait.until(d -> {
                Object ready = ui.js("const f = document.getElementById('report');"
                        + "return f.srcdoc.length > 0 && f.contentDocument && f.contentDocument.readyState === 'complete'"
                        + " && f.contentDocument.body && f.contentDocument.body.innerText.length > 0;");
                return Boolean.TRUE.equals(ready);
            });
            check("report-" + type);
            if (type.equals("leads")) {
                Object body = ui.js("return document.getElementById('report').contentDocument.body.innerText;");
                assertThat(body.toString()).contains("号码归属地", "坐席评定：客户想要千兆宽带");
            }
        }
        walk("analyst-recordings", "/analyst/recordings");
    }

    @Test
    @Order(5)
    void anAdministratorsOwnPages() throws Exception {
        ui.signIn("ada");
        walk("audit", "/admin/audit");
    }

    @Test
    @Order(9)
    void noPageLeavesAnEnglishStringUntranslated() {
        assertThat(found).as("English words on Chinese pages (page → words)").isEmpty();
    }
}
