package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
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
 * One served dialer (in-memory H2, simulated PBX) and one headless Chromium, shared by the page tests: sign in,
 * open a page in a language, photograph it at desktop and phone widths, and read what the page says in words.
 */
final class UiBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    /**
     * Latin words a Chinese page may show: the product's and protocols' names, file formats, units and codes that
     * Chinese users read as they are. Anything else in Latin letters is an English string left untranslated.
     */
    static final Set<String> ALLOWED_LATIN = Set.of("English", "CSV", "XLSX", "HTML", "YAML", "JSON", "UTF", "BOM", "Excel",
            "PJSIP", "SIP", "TTS", "ID", "API", "UTC", "PBX", "GBK", "E164", "AM", "PM", "ms", "s", "min", "h", "m", "Mbit",
            "WAV", "TSV", "Asterisk", "CN", "US", "GB", "yyyy", "mm", "dd", "HH", "IP", "PDF", "URL");

    final ConfigurableApplicationContext context;
    final String base;
    final JdbcTemplate jdbc;
    final Api admin;
    final WebDriver browser;
    final WebDriverWait wait;
    /** Where this server finds call recordings ({@code dialer.recordings.dir}). */
    final Path recordings;
    private String signedIn;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    UiBrowser(String name) throws Exception {
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:" + name + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        Path callees = Path.of(UiBrowser.class.getResource("/ui/eager-callees.yaml").toURI());
        recordings = Files.createTempDirectory("recordings");
        serve.springArgs = List.of("--server.port=0", "--dialer.simulated.callees=" + callees, "--dialer.recordings.dir=" + recordings);
        context = serve.start();
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        base = "http://localhost:" + port;
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        admin = new Api(port);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SHOTS);
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.quit();
        }
        if (context != null) {
            context.close();
        }
    }

    long user(String username, String role, String displayName) {
        Api.Reply created = admin.post("/api/users", "{\"username\": \"" + username + "\", \"password\": \"" + username
                + "-password\", \"role\": \"" + role + "\", \"displayName\": \"" + displayName + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    long campaign(String json) {
        Api.Reply created = admin.post("/api/campaigns", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static String allDay() {
        return ", \"windowStart\": \"00:00\", \"windowEnd\": \"23:59\", \"windowDays\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\","
                + " \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"]";
    }

    void importLeads(long campaign, String csv) throws InterruptedException {
        String boundary = "----ui" + UUID.randomUUID();
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
    void pinLeadsToMidday(long campaign) {
        int offsetHours = Math.max(-12, Math.min(14, 12 - ZonedDateTime.now(ZoneOffset.UTC).getHour()));
        jdbc.update("UPDATE leads SET time_zone = ? WHERE campaign_id = ?", ZoneOffset.ofHours(offsetHours).getId(), campaign);
    }

    /** Signs in once per user: the session is kept while the same user goes on. */
    void signIn(String username) {
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

    void signOut() {
        browser.manage().deleteAllCookies();
        signedIn = null;
    }

    void open(String path, String lang) {
        browser.get(base + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
        wait.until(d -> lang.equals("zh") == "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        wait.until(d -> "complete".equals(js("return document.readyState")));
    }

    /** Waits until the page's own requests have settled: no fetch in flight for a short while. */
    void settle() {
        new WebDriverWait(browser, Duration.ofMillis(600)).until(d -> true);
    }

    void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The page as it stands, photographed at 1400 px and at a phone's 390 px; the window is left at desktop width. */
    void shotBothWidths(String name) throws Exception {
        shot(name + "-1400");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            settle();
            shot(name + "-390");
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    void set(String name, String value) {
        WebElement input = browser.findElement(By.name(name));
        if ("select".equals(input.getTagName())) {
            new Select(input).selectByValue(value);
        } else if (List.of("time", "datetime-local", "date").contains(input.getAttribute("type"))) {
            js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    /**
     * Every piece of text the page shows a user (text nodes, button and option labels, placeholders, titles, the
     * document title and same-origin frames), except inside {@code translate="no"} (data: names, numbers, a script's
     * own text) and form values typed by the user.
     */
    @SuppressWarnings("unchecked")
    List<String> shownTexts() {
        return (List<String>) js("""
                const out = [];
                const visit = node => {
                  if (node.nodeType === 3) { const t = node.nodeValue.trim(); if (t) out.push(t); return; }
                  if (node.nodeType !== 1) return;
                  const tag = node.tagName;
                  if (['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'TEMPLATE'].includes(tag) || node.getAttribute('translate') === 'no') return;
                  ['placeholder', 'title', 'aria-label', 'alt'].forEach(a => node.getAttribute(a) && out.push(node.getAttribute(a)));
                  if (tag === 'INPUT' && ['button', 'submit'].includes(node.type) && node.value) out.push(node.value);
                  if (tag === 'IFRAME') {
                    try { const d = node.contentDocument; if (d && d.body) { visit(d.body); out.push(d.title || ''); } } catch (e) { /* another origin */ }
                    return;
                  }
                  node.childNodes.forEach(visit);
                };
                visit(document.body);
                out.push(document.title);
                return out;""");
    }

    /** The Latin words on the page that are not on the allow-list (nor in {@code alsoAllowed}, the test's own data). */
    List<String> untranslated(Set<String> alsoAllowed) {
        Pattern word = Pattern.compile("[A-Za-z][A-Za-z]+");
        List<String> found = new ArrayList<>();
        for (String shown : shownTexts()) {
            Matcher m = word.matcher(shown);
            while (m.find()) {
                String w = m.group();
                if (!ALLOWED_LATIN.contains(w) && !alsoAllowed.contains(w)) {
                    found.add(w + " (in \"" + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown) + "\")");
                }
            }
        }
        return found;
    }
}
