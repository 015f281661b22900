package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The UI in a real browser (headless Chromium): a manager creates a campaign, uploads a list and starts it;
 * an agent gets a screen pop from a simulated call and sets a disposition; an analyst filters and exports a
 * report; an agent is kept out of manager pages; the UI speaks Chinese. Screenshots go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private ConfigurableApplicationContext context;
    private String base;
    private JdbcTemplate jdbc;
    private WebDriver browser;
    private WebDriverWait wait;
    private long campaign;

    @BeforeAll
    void serveAndOpenBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:browser" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        Path callees = Path.of(BrowserIT.class.getResource("/ui/eager-callees.yaml").toURI());
        serve.springArgs = List.of("--server.port=0", "--dialer.simulated.callees=" + callees);
        context = serve.start();
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        base = "http://localhost:" + port;
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        Api admin = new Api(port);
        for (String[] user : new String[][] {{"mia", "MANAGER", "Mia Manager"}, {"al", "AGENT", "Al Agent"}, {"ann", "ANALYST", "Ann Analyst"}}) {
            Api.Reply created = admin.post("/api/users", "{\"username\": \"" + user[0] + "\", \"password\": \"" + user[0]
                    + "-password\", \"role\": \"" + user[1] + "\", \"displayName\": \"" + user[2] + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // the pages redraw their tables as data arrives
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

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username + "-password");
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void set(String name, String value) {
        WebElement input = browser.findElement(By.name(name));
        if ("select".equals(input.getTagName())) {
            new Select(input).selectByValue(value);
        } else if ("time".equals(input.getAttribute("type"))) {
            // keys typed into a time field depend on the browser's 12/24-hour locale ("00:00" can land as nothing),
            // so the value is set as a person's picker would leave it, and the page hears the change
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedOnTheSignInPage() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys("mia");
        browser.findElement(By.id("password")).sendKeys("not-her-password");
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> !d.findElements(By.id("login-error")).isEmpty());
        assertThat(text("login-error")).contains("Wrong username or password");
    }

    @Test
    @Order(2)
    void aManagerCreatesACampaignWithValidationByField() throws Exception {
        signIn("mia");
        assertThat(browser.getCurrentUrl()).endsWith("/manager/campaigns");
        browser.findElement(By.id("new-campaign")).click();
        wait.until(d -> !d.findElements(By.name("name")).isEmpty());
        set("name", "Browser spring offer");
        set("mode", "PROGRESSIVE");
        set("abandonTarget", "20"); // percent: over the 5 % the rules allow
        browser.findElement(By.id("save")).click();
        wait.until(d -> !d.findElements(By.id("error-abandonTarget")).isEmpty());
        assertThat(text("error-abandonTarget")).isNotBlank();
        shot("manager-campaign-validation");
        set("abandonTarget", "3");
        // AMD's accounting shows its defaults like every other setting, as percentages
        wait.until(d -> !text("default-amdAuditShare").isBlank());
        assertThat(text("default-amdAuditShare")).contains("2 %");
        assertThat(text("default-amdFalseMachineShare")).contains("unknown");
        set("amdFalseMachineShare", "1.5");
        set("amdAuditShare", "5");
        set("windowStart", "00:00");
        set("windowEnd", "23:59");
        for (WebElement day : browser.findElements(By.name("windowDays"))) {
            if (!day.isSelected()) {
                day.click();
            }
        }
        browser.findElement(By.id("save")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/edit"));
        campaign = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/campaigns/(\\d+)/edit", "$1"));
        assertThat(jdbc.queryForObject("SELECT dialing_mode FROM campaigns WHERE id = ?", String.class, campaign)).isEqualTo("PROGRESSIVE");
        assertThat(jdbc.queryForObject("SELECT name FROM campaigns WHERE id = ?", String.class, campaign)).isEqualTo("Browser spring offer");
        assertThat(jdbc.queryForObject("SELECT CONCAT(window_start, '-', window_end) FROM campaigns WHERE id = ?", String.class, campaign))
                .isEqualTo("00:00:00-23:59:00");
        assertThat(jdbc.queryForObject("SELECT amd_false_machine_share FROM campaigns WHERE id = ?", Double.class, campaign))
                .isEqualTo(0.015);
        assertThat(jdbc.queryForObject("SELECT amd_audit_share FROM campaigns WHERE id = ?", Double.class, campaign)).isEqualTo(0.05);
    }

    @Test
    @Order(3)
    void aManagerUploadsAListAndSeesProgressAndTheRejectedRows() throws Exception {
        signIn("mia");
        Path csv = Files.createTempFile("leads", ".csv");
        Files.writeString(csv, "phone,first_name,last_name\n+1 212 555 0101,Zhang,Wei\n+1 212 555 0102,李,娜\nnot a number,Bad,Row\n"
                + "+1 212 555 0103,Sam,Smith\n", StandardCharsets.UTF_8);
        browser.get(base + "/manager/import");
        wait.until(d -> d.findElements(By.cssSelector("#campaign option")).size() > 0);
        new Select(browser.findElement(By.id("campaign"))).selectByValue(String.valueOf(campaign));
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();
        wait.until(d -> "100".equals(d.findElement(By.id("percent")).getText()) && d.findElement(By.id("rejected-link")).isDisplayed());
        assertThat(text("imported")).isEqualTo("3");
        assertThat(text("rejected")).isEqualTo("1");
        shot("manager-import-progress");
        String href = browser.findElement(By.id("rejected-link")).getAttribute("href");
        Object rejected = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
        assertThat(rejected.toString()).contains("not a number");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE campaign_id = ? AND first_name = '李'", Long.class, campaign)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT DISTINCT time_zone FROM leads WHERE campaign_id = ?", String.class, campaign))
                .isEqualTo("America/New_York");
        pinLeadsToMidday();
    }

    /**
     * The campaign's window (00:00-23:59) leaves one minute a day shut, and the suite may run at any hour: the
     * test's leads are moved to a zone where it is now about noon, so the screen pop never waits on the wall clock.
     */
    private void pinLeadsToMidday() {
        int offsetHours = Math.max(-12, Math.min(14, 12 - java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour()));
        jdbc.update("UPDATE leads SET time_zone = ? WHERE campaign_id = ?", java.time.ZoneOffset.ofHours(offsetHours).getId(), campaign);
    }

    @Test
    @Order(4)
    void aManagerSeesAScriptsProblemsByNodeAndSavesTheFixedScript() throws Exception {
        signIn("mia");
        browser.get(base + "/manager/scripts");
        WebElement yaml = browser.findElement(By.id("yaml"));
        String broken = "name: Browser offer\nstart: hello\nnodes:\n  hello:\n    say: \"Hi {first_name}, interested in fibre?\"\n"
                + "    on: {YES: nowhere, NO: bye}\n  bye:\n    action: end\n    say: \"Goodbye.\"\n    disposition: NOT_INTERESTED\n";
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", yaml, broken);
        browser.findElement(By.id("upload-script")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#problems tr.problem")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#problems tr.problem td.node"))).extracting(WebElement::getText).contains("hello");
        assertThat(text("problems")).contains("nowhere");
        shot("manager-script-problems");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", yaml, broken.replace("nowhere", "bye"));
        browser.findElement(By.id("upload-script")).click();
        wait.until(d -> d.findElement(By.id("form-message")).getText().contains("Browser offer v1"));
        wait.until(d -> d.findElement(By.id("scripts")).getText().contains("Browser offer"));
    }

    @Test
    @Order(5)
    void aManagerStartsTheCampaignAndWatchesItLive() throws Exception {
        signIn("mia");
        browser.get(base + "/manager/campaigns");
        wait.until(d -> !d.findElements(By.cssSelector("#campaign-" + campaign + " .act-start")).isEmpty());
        browser.findElement(By.cssSelector("#campaign-" + campaign + " .act-start")).click();
        wait.until(d -> "RUNNING".equals(d.findElement(By.cssSelector("#campaign-" + campaign + " .status")).getAttribute("data-status")));
        wait.until(d -> "Running".equals(d.findElement(By.cssSelector("#campaign-" + campaign + " .status")).getText()));
        browser.findElement(By.cssSelector("#campaign-" + campaign + " .dashboard")).click();
        // pushed by the server: no agent is ready yet, and the dashboard says so
        wait.until(d -> !d.findElements(By.cssSelector("#reasons .reason[data-code=NO_READY_AGENTS]")).isEmpty());
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("RUNNING");
        shot("manager-dashboard");
    }

    @Test
    @Order(6)
    void anAgentGetsAScreenPopFromASimulatedCallAndSetsADisposition() throws Exception {
        signIn("al");
        assertThat(browser.getCurrentUrl()).endsWith("/agent");
        wait.until(d -> d.findElements(By.cssSelector("#campaign option")).size() > 0);
        new Select(browser.findElement(By.id("campaign"))).selectByValue(String.valueOf(campaign));
        browser.findElement(By.id("login")).click();
        wait.until(d -> "PAUSED".equals(d.findElement(By.id("state")).getAttribute("data-state"))
                || "READY".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        browser.findElement(By.id("ready")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("screen-pop")).isDisplayed()
                && !d.findElement(By.id("lead-phone")).getText().isBlank());
        assertThat(text("lead-phone")).startsWith("+1212555010");
        assertThat(browser.findElement(By.id("state")).getAttribute("data-state")).isEqualTo("ON_CALL");
        shot("agent-screen-pop");
        wait.until(d -> d.findElements(By.cssSelector("#disposition option")).size() > 0);
        new Select(browser.findElement(By.id("disposition"))).selectByValue("SALE");
        browser.findElement(By.id("notes")).sendKeys("Wants the 500 Mbit plan");
        browser.findElement(By.id("save-disposition")).click();
        wait.until(d -> d.findElement(By.id("disposition-message")).getText().contains("saved"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ? AND disposition_code = 'SALE' "
                + "AND notes = 'Wants the 500 Mbit plan' AND agent_id = (SELECT id FROM users WHERE username = 'al')", Long.class, campaign))
                .isEqualTo(1);
        shot("agent-disposition");

        // the agent corrects the lead's grade (意向客户), with a reason; the grade shows at once and is stored
        new Select(browser.findElement(By.id("grade"))).selectByValue("B");
        browser.findElement(By.id("grade-reason")).sendKeys("Asked for a quote next week");
        browser.findElement(By.id("save-grade")).click();
        wait.until(d -> d.findElement(By.id("grade-message")).getText().equals("Grade saved."));
        assertThat(text("grade-now")).isEqualTo("B");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE campaign_id = ? AND agent_grade = 'B' "
                + "AND agent_grade_reason = 'Asked for a quote next week'", Long.class, campaign)).isEqualTo(1);
        shot("agent-grade-corrected");
    }

    @Test
    @Order(7)
    void anAgentCannotOpenManagerPages() throws Exception {
        signIn("al");
        browser.get(base + "/manager/campaigns");
        assertThat(browser.getPageSource()).containsAnyOf("403", "Forbidden");
        assertThat(browser.findElements(By.id("new-campaign"))).isEmpty();
        shot("agent-refused-manager-page");
    }

    @Test
    @Order(8)
    void anAnalystFiltersAReportAndDownloadsIt() throws Exception {
        signIn("ann");
        assertThat(browser.getCurrentUrl()).endsWith("/analyst/reports");
        wait.until(d -> d.findElements(By.cssSelector("#campaign option")).size() > 0);
        new Select(browser.findElement(By.id("campaign"))).selectByValue(String.valueOf(campaign));
        browser.findElement(By.id("grade-D")).click();
        browser.findElement(By.id("show")).click();
        wait.until(d -> {
            String doc = d.findElement(By.id("report")).getAttribute("srcdoc");
            return doc != null && doc.contains("<table");
        });
        shot("analyst-report");
        WebElement csv = browser.findElement(By.id("export-csv"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));"
                + "arguments[0].addEventListener('click', e => e.preventDefault());", csv);
        String href = csv.getAttribute("href");
        assertThat(href).contains("format=csv").contains("grade=D");
        Object body = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
        assertThat(body.toString()).startsWith("rank,lead_id,grade");
        assertThat(body.toString().lines().skip(1).filter(l -> !l.isBlank()).allMatch(l -> l.split(",")[2].equals("D"))).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'REPORT_EXPORTED' AND username = 'ann'", Long.class))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(9)
    void theUiSpeaksChinese() throws Exception {
        signIn("mia");
        browser.get(base + "/manager/campaigns?lang=zh");
        wait.until(d -> d.findElement(By.id("nav-campaigns")).getText().equals("外呼活动"));
        wait.until(d -> d.findElements(By.cssSelector("#campaign-" + campaign + " .name")).size() > 0);
        assertThat(browser.findElement(By.id("new-campaign")).getText()).isEqualTo("新建活动");
        wait.until(d -> "运行中".equals(d.findElement(By.cssSelector("#campaign-" + campaign + " .status")).getText()));
        shot("manager-campaigns-zh");
        browser.get(base + "/leads/" + jdbc.queryForObject("SELECT id FROM leads WHERE first_name = '李'", Long.class));
        wait.until(d -> d.findElement(By.id("lead-name")).getText().contains("李"));
        assertThat(text("lead-name")).isEqualTo("李 娜");
        shot("lead-in-chinese");
        browser.get(base + "/manager/campaigns?lang=en");
    }

}
