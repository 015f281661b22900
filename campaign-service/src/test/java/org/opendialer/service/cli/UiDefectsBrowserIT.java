package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a manager, an agent and an analyst meet in the browser, in English and Chinese: a stopped campaign is
 * reopened (stop and pause are confirmed in the page), the editor speaks hours and percent and shows defaults, the
 * import reads numbers in the campaign's region, the dashboard lists agents and weighs abandons against the cap,
 * the screen pop asks for a disposition and shows the script as prompts, preview campaigns offer a lead to dial or
 * skip, CSV exports carry a byte-order mark, error pages and server messages are in Chinese, and the menu folds
 * on a phone. Screenshots go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiDefectsBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String SCRIPT = "name: Defects offer\nstart: hello\nnodes:\n  hello:\n"
            + "    say: \"Hi {first_name}, this is Open Fibre. 您好 {姓名}, interested in fibre?\"\n"
            + "    on: {YES: bye, NO: bye}\n  bye:\n    action: end\n    say: \"Goodbye.\"\n    disposition: NOT_INTERESTED\n";

    private ConfigurableApplicationContext context;
    private String base;
    private JdbcTemplate jdbc;
    private Api admin;
    private WebDriver browser;
    private WebDriverWait wait;
    private String signedIn;
    private long predictive;
    private long stoppable;
    private long preview;

    @BeforeAll
    void serveAndOpenBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:defects" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        Path callees = Path.of(UiDefectsBrowserIT.class.getResource("/ui/eager-callees.yaml").toURI());
        serve.springArgs = List.of("--server.port=0", "--dialer.simulated.callees=" + callees);
        context = serve.start();
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        base = "http://localhost:" + port;
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        admin = new Api(port);
        for (String[] user : new String[][] {{"mia", "MANAGER", "Mia Manager"}, {"al", "AGENT", "Al Agent"},
                {"bo", "AGENT", "Bo Agent"}, {"ann", "ANALYST", "Ann Analyst"}}) {
            Api.Reply created = admin.post("/api/users", "{\"username\": \"" + user[0] + "\", \"password\": \"" + user[0]
                    + "-password\", \"role\": \"" + user[1] + "\", \"displayName\": \"" + user[2] + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        Api.Reply script = admin.post("/api/scripts", SCRIPT, "application/yaml");
        assertThat(script.status()).as(script.body()).isEqualTo(201);
        String allDay = ", \"windowStart\": \"00:00\", \"windowEnd\": \"23:59\", \"windowDays\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\","
                + " \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"]";
        predictive = campaign("{\"name\": \"Shanghai fibre\", \"mode\": \"PROGRESSIVE\", \"defaultRegion\": \"CN\", \"scriptId\": "
                + script.json().get("id").asLong() + allDay + "}");
        stoppable = campaign("{\"name\": \"Autumn offer\", \"mode\": \"PROGRESSIVE\"" + allDay + "}");
        preview = campaign("{\"name\": \"Preview offer\", \"mode\": \"PREVIEW\"" + allDay + "}");
        importLeads(preview, "phone,first_name,last_name\n+1 212 555 0201,Pia,Preview\n+1 212 555 0202,Quinn,Second\n");
        pinLeadsToMidday(preview);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (context != null) {
            context.close();
        }
    }

    private long campaign(String json) {
        Api.Reply created = admin.post("/api/campaigns", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void importLeads(long campaign, String csv) throws Exception {
        String boundary = "----defects" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"campaignId\"\r\n\r\n" + campaign + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        Api.Reply job = admin.post("/api/imports", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                "multipart/form-data; boundary=" + boundary);
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        admin.await("/api/imports/" + job.json().get("importJobId").asLong(), Duration.ofSeconds(30),
                j -> j != null && "COMPLETED".equals(j.path("status").asText()));
    }

    /** Leads sit in a zone where it is about noon, so the calling window never depends on the hour the suite runs. */
    private void pinLeadsToMidday(long campaign) {
        int offsetHours = Math.max(-12, Math.min(14, 12 - ZonedDateTime.now(ZoneOffset.UTC).getHour()));
        jdbc.update("UPDATE leads SET time_zone = ? WHERE campaign_id = ?", ZoneOffset.ofHours(offsetHours).getId(), campaign);
    }

    /** Signs in once per user: the session is kept while the same user goes on. */
    private void signIn(String username) {
        if (username.equals(signedIn)) {
            return;
        }
        browser.manage().deleteAllCookies();
        browser.get(base + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username + "-password");
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        signedIn = username;
    }

    private void open(String path, String lang) {
        browser.get(base + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
        wait.until(d -> lang.equals("zh") == "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    private void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String value(String name) {
        return browser.findElement(By.name(name)).getAttribute("value");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void set(String name, String value) {
        WebElement input = browser.findElement(By.name(name));
        if ("select".equals(input.getTagName())) {
            new Select(input).selectByValue(value);
        } else if (List.of("time", "datetime-local").contains(input.getAttribute("type"))) {
            js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    private WebElement campaignButton(long campaign, String action) {
        return browser.findElement(By.cssSelector("#campaign-" + campaign + " .act-" + action));
    }

    private String status(long campaign) {
        return jdbc.queryForObject("SELECT status FROM campaigns WHERE id = ?", String.class, campaign);
    }

    @Test
    @Order(1)
    void aStoppedCampaignIsReopenedAndStopAndPauseAreConfirmedFirst() throws Exception {
        assertThat(admin.post("/api/campaigns/" + stoppable + "/start", "{}").status()).isEqualTo(200);
        signIn("mia");
        open("/manager/campaigns", "en");
        wait.until(d -> !d.findElements(By.cssSelector("#campaign-" + stoppable + " .act-pause")).isEmpty());

        // pausing asks first; cancelled, nothing happens
        campaignButton(stoppable, "pause").click();
        wait.until(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
        assertThat(text("confirm-text")).contains("Autumn offer");
        browser.findElement(By.id("confirm-cancel")).click();
        assertThat(status(stoppable)).isEqualTo("RUNNING");

        // stopping says how many agents are on calls, and stops once confirmed
        campaignButton(stoppable, "stop").click();
        wait.until(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
        assertThat(text("confirm-text")).contains("0 agent(s) are on calls");
        shot("defects-stop-confirmation-en");
        browser.findElement(By.id("confirm-ok")).click();
        wait.until(d -> "STOPPED".equals(status(stoppable)));

        // a stopped campaign offers Reopen, never a Start that cannot work
        wait.until(d -> !d.findElements(By.cssSelector("#campaign-" + stoppable + " .act-reopen")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#campaign-" + stoppable + " .act-start"))).isEmpty();
        shot("defects-campaigns-reopen-en");
        campaignButton(stoppable, "reopen").click();
        wait.until(d -> "DRAFT".equals(status(stoppable)));
        wait.until(d -> !d.findElements(By.cssSelector("#campaign-" + stoppable + " .act-start")).isEmpty());

        // in Chinese the dialog and the buttons speak Chinese
        assertThat(admin.post("/api/campaigns/" + stoppable + "/start", "{}").status()).isEqualTo(200);
        open("/manager/campaigns", "zh");
        wait.until(d -> !d.findElements(By.cssSelector("#campaign-" + stoppable + " .act-stop")).isEmpty());
        campaignButton(stoppable, "stop").click();
        wait.until(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
        assertThat(text("confirm-text")).contains("位坐席在通话中");
        shot("defects-stop-confirmation-zh");
        browser.findElement(By.id("confirm-ok")).click();
        wait.until(d -> "STOPPED".equals(status(stoppable)));
        wait.until(d -> "重新打开".equals(campaignButton(stoppable, "reopen").getText()));
        assertThat(browser.findElement(By.cssSelector("#campaign-" + stoppable + " .status")).getText()).isEqualTo("已停止 (由经理停止)");
        shot("defects-campaigns-zh");
    }

    @Test
    @Order(2)
    void theEditorShowsStoredValuesInHoursAndPercentWithDefaultsAndPointsAtTheFirstBadField() throws Exception {
        signIn("mia");
        open("/manager/campaigns/" + predictive + "/edit", "en");
        wait.until(d -> "Shanghai fibre".equals(d.findElement(By.name("name")).getAttribute("value")));
        assertThat(value("abandonWindow")).isEqualTo("30D");
        assertThat(value("retryAbandonedSeconds")).isEqualTo("72h");
        assertThat(value("abandonTarget")).isEqualTo("3");
        wait.until(d -> !d.findElement(By.id("default-abandonTarget")).getText().isBlank());
        assertThat(text("default-abandonTarget")).isEqualTo("default: 3 %");
        assertThat(text("default-leadOrder")).isEqualTo("default: New leads first");

        set("callerId", "+86 21-6288 0000");
        set("abandonTarget", "9");
        set("scriptId", "99999");
        set("retryBusySeconds", "1h 30m");
        browser.findElement(By.id("save")).click();
        wait.until(d -> !d.findElements(By.id("error-abandonTarget")).isEmpty());
        assertThat(text("error-abandonTarget")).isEqualTo("between 0 and 5 % (e.g. 3)");
        assertThat(text("error-scriptId")).isEqualTo("no talk track with id 99999");
        assertThat(js("return document.activeElement.name")).isEqualTo("abandonTarget");
        assertThat(browser.findElement(By.id("field-abandonTarget")).getAttribute("class")).contains("bad");
        assertThat((Boolean) js("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
                browser.findElement(By.name("abandonTarget")))).isTrue();
        shot("defects-editor-errors-en");

        set("abandonTarget", "2.5");
        browser.findElement(By.name("scriptId")).clear();
        browser.findElement(By.id("save")).click();
        wait.until(d -> d.findElement(By.id("form-message")).getText().contains("Saved"));
        assertThat(jdbc.queryForObject("SELECT abandon_target FROM campaigns WHERE id = ?", Double.class, predictive)).isEqualTo(0.025);
        assertThat(jdbc.queryForObject("SELECT caller_id FROM campaigns WHERE id = ?", String.class, predictive)).isEqualTo("+862162880000");
        assertThat(jdbc.queryForObject("SELECT retry_busy_s FROM campaigns WHERE id = ?", Integer.class, predictive)).isEqualTo(5400);
        assertThat(value("retryBusySeconds")).isEqualTo("1h 30m");
        assertThat(value("callerId")).isEqualTo("+862162880000");

        // a new campaign starts from the defaults, shown in the fields
        open("/manager/campaigns/new", "zh");
        wait.until(d -> "30D".equals(d.findElement(By.name("abandonWindow")).getAttribute("value")));
        assertThat(value("abandonTarget")).isEqualTo("3");
        assertThat(new Select(browser.findElement(By.name("leadOrder"))).getFirstSelectedOption().getText()).isEqualTo("新名单优先");
        assertThat(new Select(browser.findElement(By.name("mode"))).getFirstSelectedOption().getText()).isEqualTo("预测式");
        set("name", "新活动");
        set("abandonTarget", "9");
        browser.findElement(By.id("save")).click();
        wait.until(d -> !d.findElements(By.id("error-abandonTarget")).isEmpty());
        assertThat(text("error-abandonTarget")).isEqualTo("应在 0 到 5 % 之间（例如 3）");
        shot("defects-editor-errors-zh");
    }

    @Test
    @Order(3)
    void theImportReadsNumbersInTheCampaignsRegion() throws Exception {
        signIn("mia");
        open("/manager/import", "en");
        wait.until(d -> d.findElements(By.cssSelector("#campaign option")).size() >= 3);
        new Select(browser.findElement(By.id("campaign"))).selectByValue(String.valueOf(stoppable));
        assertThat(value("region")).isEqualTo("US");
        new Select(browser.findElement(By.id("campaign"))).selectByValue(String.valueOf(predictive));
        assertThat(value("region")).isEqualTo("CN");
        Path csv = Files.createTempFile("leads", ".csv");
        Files.writeString(csv, "phone,first_name,last_name,姓名,customer_status,last_purchase\n"
                + "138 0013 8000,Wei,Zhang,张伟,active,2026-10-15\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();
        wait.until(d -> "100".equals(d.findElement(By.id("percent")).getText()));
        assertThat(jdbc.queryForObject("SELECT phone_e164 FROM leads WHERE campaign_id = ?", String.class, predictive))
                .isEqualTo("+8613800138000");
        shot("defects-import-en");
        pinLeadsToMidday(predictive);
    }

    @Test
    @Order(4)
    void anAgentIsAskedForADispositionAndReadsTheScriptAsPrompts() throws Exception {
        assertThat(admin.post("/api/campaigns/" + predictive + "/start", "{}").status()).isEqualTo(200);
        signIn("al");
        open("/agent", "zh");
        wait.until(d -> d.findElements(By.cssSelector("#campaign option")).size() > 0);
        new Select(browser.findElement(By.id("campaign"))).selectByValue(String.valueOf(predictive));
        browser.findElement(By.id("login")).click();
        wait.until(d -> List.of("PAUSED", "READY").contains(d.findElement(By.id("state")).getAttribute("data-state")));
        browser.findElement(By.id("ready")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("screen-pop")).isDisplayed() && !d.findElement(By.id("lead-phone")).getText().isBlank());
        wait.until(d -> d.findElements(By.cssSelector("#script .script-node")).size() == 2);

        // the script reads as prompts, with the lead's own name where the placeholders were
        assertThat(browser.findElement(By.cssSelector("#script .script-node[data-node=hello] .prompt")).getText())
                .isEqualTo("Hi Wei, this is Open Fibre. 您好 张伟, interested in fibre?");
        assertThat(text("script")).doesNotContain("{").doesNotContain("say:");
        assertThat(text("lead-customer-status")).isEqualTo("活跃");
        assertThat(text("lead-last-purchase")).contains("2026").contains("10").contains("15");
        wait.until(d -> !"0:00".equals(d.findElement(By.id("call-timer")).getText()));

        // nothing is preselected, and saving without a choice is refused in the page
        Select disposition = new Select(browser.findElement(By.id("disposition")));
        assertThat(disposition.getFirstSelectedOption().getAttribute("value")).isEmpty();
        assertThat(disposition.getOptions()).extracting(WebElement::getText).contains("请选择…", "成交", "没有兴趣");
        browser.findElement(By.id("save-disposition")).click();
        wait.until(d -> !d.findElements(By.id("error-code")).isEmpty());
        assertThat(text("error-code")).isEqualTo("请先选择处理结果。");

        // a callback in the past is refused in the page
        disposition.selectByValue("CALLBACK");
        set("callbackAt", "2020-01-01T10:00");
        browser.findElement(By.id("save-disposition")).click();
        wait.until(d -> !d.findElements(By.id("error-callbackAt")).isEmpty());
        assertThat(text("error-callbackAt")).isEqualTo("回拨时间已过去：请选择将来的时间。");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ? AND disposition_code IS NOT NULL",
                Long.class, predictive)).isZero();
        shot("defects-screen-pop-zh");

        set("callbackAt", "");
        disposition.selectByValue("SALE");
        browser.findElement(By.id("save-disposition")).click();
        wait.until(d -> d.findElement(By.id("disposition-message")).getText().contains("处理结果已保存"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ? AND disposition_code = 'SALE'",
                Long.class, predictive)).isEqualTo(1);
        // the history shows the call's time in the user's words, not as a UTC instant
        assertThat(browser.findElement(By.cssSelector("#history .attempt .when")).getText()).doesNotContain("T").doesNotContain("+00:00");
        shot("defects-screen-pop-saved-zh");
    }

    @Test
    @Order(5)
    void theDashboardListsEachAgentAndWeighsAbandonsAgainstTheCap() throws Exception {
        signIn("mia");
        open("/manager/campaigns/" + predictive, "en");
        // the table is drawn again every second: a row is read whole, again if it was replaced meanwhile
        List<String> cells = new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> rows = d.findElements(By.cssSelector("#agents tr.agent"));
                    return rows.isEmpty() ? null : List.of(rows.get(0).findElement(By.className("agent-name")).getText(),
                            rows.get(0).findElement(By.className("agent-state")).getText(),
                            rows.get(0).findElement(By.className("agent-time")).getText());
                });
        assertThat(cells.get(0)).isEqualTo("Al Agent");
        assertThat(cells.get(1)).isIn("On call", "Wrap-up", "Ready", "Paused", "Wrap up");
        assertThat(cells.get(2)).matches("\\d+:\\d\\d:\\d\\d");
        assertThat(browser.findElement(By.id("abandon-check")).getAttribute("data-over")).isEqualTo("false");
        assertThat(text("abandon-check")).isEqualTo("Abandon rate within the cap of 2.5 %.");
        assertThat(browser.findElement(By.cssSelector("#chart-connects")).findElement(By.xpath("..")).findElement(By.tagName("h2")).getText())
                .isEqualTo("Connect rate by hour of day (%)");
        shot("defects-dashboard-en");
        open("/manager/campaigns/" + predictive, "zh");
        wait.until(d -> !d.findElements(By.cssSelector("#agents tr.agent")).isEmpty() && !d.findElement(By.id("abandon-check")).getText().isBlank());
        assertThat(text("abandon-check")).isEqualTo("放弃率在上限 2.5 % 以内。");
        shot("defects-dashboard-zh");
    }

    @Test
    @Order(6)
    void aPreviewCampaignOffersTheNextLeadToDialOrSkip() throws Exception {
        assertThat(admin.post("/api/campaigns/" + preview + "/start", "{}").status()).isEqualTo(200);
        signIn("bo");
        open("/agent", "en");
        wait.until(d -> d.findElements(By.cssSelector("#campaign option")).size() > 0);
        new Select(browser.findElement(By.id("campaign"))).selectByValue(String.valueOf(preview));
        browser.findElement(By.id("login")).click();
        wait.until(d -> List.of("PAUSED", "READY").contains(d.findElement(By.id("state")).getAttribute("data-state")));
        browser.findElement(By.id("ready")).click();
        wait.until(d -> d.findElement(By.id("preview")).isDisplayed() && !d.findElement(By.id("preview-name")).getText().isBlank());
        String first = text("preview-name");
        assertThat(first).isIn("Pia Preview", "Quinn Second");
        shot("defects-preview-en");

        browser.findElement(By.id("preview-skip")).click();
        wait.until(d -> !d.findElement(By.id("preview-name")).getText().equals(first));
        String second = text("preview-name");
        assertThat(second).isIn("Pia Preview", "Quinn Second").isNotEqualTo(first);

        browser.findElement(By.id("preview-dial")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("screen-pop")).isDisplayed() && !d.findElement(By.id("lead-name")).getText().isBlank());
        assertThat(text("lead-name")).isEqualTo(second);
        shot("defects-preview-dialled-en");
    }

    @Test
    @Order(7)
    void csvExportsCarryAByteOrderMarkAndSaySo() throws Exception {
        signIn("ann");
        open("/analyst/reports", "zh");
        wait.until(d -> d.findElements(By.cssSelector("#campaign option")).size() > 0);
        new Select(browser.findElement(By.id("campaign"))).selectByValue(String.valueOf(predictive));
        assertThat(text("bom-note")).contains("BOM");
        assertThat(browser.findElement(By.cssSelector("label[for], #statuses")).getText()).contains("活跃").doesNotContain("ACTIVE");
        WebElement csv = browser.findElement(By.id("export-csv"));
        js("arguments[0].addEventListener('click', e => e.preventDefault());"
                + "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));", csv);
        String href = csv.getAttribute("href");
        assertThat(href).contains("format=csv").contains("bom=true");
        Object firstBytes = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b).slice(0, 3))));", href);
        assertThat(firstBytes.toString()).isEqualTo("[239, 187, 191]");
        shot("defects-reports-zh");
    }

    @Test
    @Order(8)
    void errorPagesAndRefusalsSpeakChinese() throws Exception {
        signIn("al");
        open("/manager/campaigns", "zh");
        assertThat(text("error-status")).isEqualTo("403");
        assertThat(text("error-message")).isEqualTo("您的角色无权打开此页面。");
        shot("defects-error-403-zh");
        open("/manager/campaigns", "en");
        assertThat(text("error-message")).isEqualTo("Your role may not open this page.");
    }

    @Test
    @Order(9)
    void onAPhoneTheMenuFoldsBehindOneButton() throws Exception {
        signIn("mia");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String lang : List.of("en", "zh")) {
                open("/manager/campaigns", lang);
                wait.until(d -> d.findElement(By.id("nav-toggle")).isDisplayed());
                assertThat(browser.findElement(By.id("nav-campaigns")).isDisplayed()).isFalse();
                shot("defects-phone-menu-closed-" + lang);
                browser.findElement(By.id("nav-toggle")).click();
                wait.until(d -> d.findElement(By.id("nav-campaigns")).isDisplayed());
                // each entry reads on one line: wider than tall, not a column of single characters
                for (String id : List.of("nav-campaigns", "nav-import", "nav-scripts", "nav-reports")) {
                    org.openqa.selenium.Rectangle box = browser.findElement(By.id(id)).getRect();
                    assertThat(box.getWidth()).as(id).isGreaterThan(box.getHeight());
                }
                shot("defects-phone-menu-open-" + lang);
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    @Test
    @Order(10)
    void everyTouchedScreenIsPhotographedInBothLanguagesOnDesktopAndPhone() throws Exception {
        String[][] pages = {{"mia", "/manager/campaigns", "campaigns"}, {"mia", "/manager/campaigns/" + predictive + "/edit", "editor"},
            {"mia", "/manager/campaigns/" + predictive, "dashboard"}, {"mia", "/manager/import", "import"},
            {"ann", "/analyst/reports", "reports"}, {"bo", "/agent", "agent"}};
        for (String[] page : pages) {
            signIn(page[0]);
            for (String lang : List.of("en", "zh")) {
                for (int width : new int[] {1400, 390}) {
                    browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 1000));
                    open(page[1], lang);
                    wait.until(d -> "complete".equals(js("return document.readyState")));
                    new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> true);
                    shot("screen-" + page[2] + "-" + lang + "-" + width);
                }
            }
        }
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }
}
