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
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendialer.engine.asterisk.RealAsterisk;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The browser phone against a real Asterisk 22: an agent in headless Chromium (fake microphone) logs in to a campaign
 * with the browser as their phone, the dialer calls the browser's WebRTC endpoint as the agent's line, a SIPp callee
 * answers and talks, and audio flows both ways; the agent holds, resumes and hangs up from the desktop; a supervisor in
 * a second browser listens, whispers and barges from the live dashboard, each written to the audit log; and the
 * agent's desktop says so plainly when the line drops.
 */
class SoftphoneBrowserRealIT {

    @RegisterExtension
    static final RealAsterisk ASTERISK = new RealAsterisk();

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** A callee who answers and talks for 40 s (the SIPp scenario's digit 7). */
    private static final String TALKER = "+14155550171";
    /** The second lead, handed on by the agent to {@link #TRANSFER_TO}, a callee who answers and talks for 60 s. */
    private static final String SECOND_TALKER = "+14155550172";
    private static final String TRANSFER_TO = "+14155550191";

    private static ConfigurableApplicationContext context;
    private static String base;
    private static Api admin;
    private static WebDriver agentBrowser;
    private static WebDriver supervisorBrowser;
    private static long supervisorId;

    @BeforeAll
    static void serve() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Browser tests skipped: no " + CHROMIUM + " / " + CHROMEDRIVER);
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:softphone" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0",
                "--dialer.asterisk.servers=pbx1=dialer:" + RealAsterisk.SECRET + "@127.0.0.1:" + ASTERISK.server(5).port() + "/5/PJSIP/{number}@trunk1",
                "--dialer.softphone.pjsip-file=" + ASTERISK.configuration().resolve("pjsip_dialer_phones.conf"),
                "--dialer.softphone.websocket-url=" + ASTERISK.websocketUrl(),
                "--dialer.softphone.transfer-numbers=" + TRANSFER_TO);
        // the two browsers start while the server does
        java.util.concurrent.CompletableFuture<WebDriver> agentStarting = java.util.concurrent.CompletableFuture.supplyAsync(SoftphoneBrowserRealIT::chromium);
        java.util.concurrent.CompletableFuture<WebDriver> supervisorStarting = java.util.concurrent.CompletableFuture.supplyAsync(SoftphoneBrowserRealIT::chromium);
        context = serve.start();
        agentBrowser = agentStarting.join();
        supervisorBrowser = supervisorStarting.join();
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        base = "http://localhost:" + port;
        admin = new Api(port);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void close() {
        for (WebDriver browser : new WebDriver[] {agentBrowser, supervisorBrowser}) {
            if (browser != null) {
                browser.quit();
            }
        }
        if (context != null) {
            context.close();
        }
    }

    private static WebDriver chromium() {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
                // a microphone that plays a beep, granted without asking; media over the loopback like Asterisk's
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--allow-loopback-in-peer-connection",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void anAgentTalksThroughTheBrowserAndASupervisorListensWhispersAndBarges() throws Exception {
        long agent = user("alice", "AGENT");
        supervisorId = user("sam", "MANAGER");
        long campaign = campaign();
        assertThat(admin.post("/api/campaigns/" + campaign + "/start", "{}").status()).isEqualTo(200);

        // the agent logs in with the browser as their phone: it registers and the dialer calls it as the agent's line
        signIn(agentBrowser, "alice");
        agentBrowser.get(base + "/agent?lang=en");
        WebDriverWait agentWait = waitOn(agentBrowser, 30);
        agentWait.until(d -> d.findElement(By.id("phone-use")).isEnabled() && d.findElement(By.id("phone-use")).isSelected());
        agentWait.until(d -> !d.findElements(By.cssSelector("#campaign option[value='" + campaign + "']")).isEmpty());
        new Select(agentBrowser.findElement(By.id("campaign"))).selectByValue(Long.toString(campaign));
        agentBrowser.findElement(By.id("login")).click();
        agentWait.until(d -> "on-line".equals(d.findElement(By.id("phone-state")).getAttribute("data-state")));
        assertThat(ASTERISK.cli("pjsip show contacts")).as("the browser registered its endpoint").contains("webrtc-" + agent + "/sip:");
        agentWait.withMessage("the microphone meter moves with the fake microphone's beep")
                .until(d -> Double.parseDouble(java.util.Objects.requireNonNullElse(d.findElement(By.id("mic-level")).getAttribute("data-peak"), "0")) > 0.05);
        shot(agentBrowser, "softphone-agent-on-line");

        // ready: the dialer calls the lead, the callee answers and joins the agent's conference
        agentBrowser.findElement(By.id("ready")).click();
        agentWait.until(d -> !d.findElement(By.id("phone")).getAttribute("data-call").isEmpty());
        Map<?, ?> heard = awaitStats(agentBrowser, s -> number(s, "packetsReceived") > 50 && number(s, "totalAudioEnergy") > 0);
        assertThat(number(heard, "packetsReceived")).as("the callee's audio reaches the browser").isGreaterThan(50);
        Awaitility.await("the agent's audio reaches Asterisk and goes on to the callee").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    Map<String, long[]> rtp = ASTERISK.rtpPackets();
                    return counted(rtp, "webrtc-" + agent + "-", 0) > 50 && counted(rtp, "trunk1-", 1) > 50;
                });
        Map<?, ?> sent = stats(agentBrowser);
        assertThat(number(sent, "packetsSent")).as("the browser sends its microphone").isGreaterThan(50);
        shot(agentBrowser, "softphone-agent-on-call");

        // the keypad plays a digit to the callee; the recording pauses and resumes (Asterisk refusing would show as an error)
        agentBrowser.findElement(By.cssSelector("#keypad button[data-digit='5']")).click();
        agentWait.until(d -> d.findElement(By.id("call-flags")).getText().contains("keys sent: 5"));
        agentBrowser.findElement(By.id("call-recording")).click();
        agentWait.until(d -> d.findElement(By.id("call-flags")).getText().contains("recording paused"));
        agentBrowser.findElement(By.id("call-recording")).click();
        agentWait.until(d -> !d.findElement(By.id("call-flags")).getText().contains("recording paused"));
        assertThat(agentBrowser.findElement(By.id("call-message")).getText()).as("Asterisk took the keypad and the recording pause").isEmpty();

        // hold sends the callee to the hold context; resume brings them back into the agent's conference
        agentBrowser.findElement(By.id("call-hold")).click();
        agentWait.until(d -> "true".equals(d.findElement(By.id("phone")).getAttribute("data-held")));
        awaitCallee("dialer-hold");
        shot(agentBrowser, "softphone-agent-on-hold");
        agentBrowser.findElement(By.id("call-hold")).click();
        agentWait.until(d -> "false".equals(d.findElement(By.id("phone")).getAttribute("data-held")));
        awaitCallee("dialer-agent");

        // the supervisor opens their phone on the dashboard and listens, whispers, barges
        signIn(supervisorBrowser, "sam");
        supervisorBrowser.get(base + "/manager/campaigns/" + campaign + "?lang=en");
        WebDriverWait supervisorWait = waitOn(supervisorBrowser, 30);
        supervisorBrowser.findElement(By.id("supervisor-phone")).click();
        supervisorWait.until(d -> "registered".equals(d.findElement(By.id("phone-state")).getAttribute("data-state")));
        for (String[] mode : new String[][] {{"listen", "q"}, {"whisper", "qw"}, {"barge", "qB"}}) {
            supervisorWait.until(d -> (Boolean) js(d, "const b = document.querySelector(\"tr[data-agent='" + agent + "'] .monitor-"
                    + mode[0] + "\"); if (b) b.click(); return !!b;"));
            Awaitility.await(mode[0] + " reaches the agent's line").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                    .until(() -> ASTERISK.cli("core show channels concise").lines()
                            .anyMatch(l -> l.contains("!ChanSpy!") && l.contains("webrtc-" + agent + "-") && l.contains("," + mode[1] + "!")));
            supervisorWait.until(d -> "on-line".equals(d.findElement(By.id("phone-state")).getAttribute("data-state")));
            Map<?, ?> supervisor = awaitStats(supervisorBrowser, s -> number(s, "packetsReceived") > 25 && number(s, "packetsSent") > 25);
            assertThat(number(supervisor, "packetsReceived")).as("the supervisor hears the call (" + mode[0] + ")").isGreaterThan(25);
            if (!"listen".equals(mode[0])) {
                Awaitility.await("the supervisor's voice reaches Asterisk (" + mode[0] + ")").atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(500)).until(() -> counted(ASTERISK.rtpPackets(), "webrtc-" + supervisor() + "-", 0) > 25);
            }
            shot(supervisorBrowser, "softphone-supervisor-" + mode[0]);
        }
        supervisorBrowser.findElement(By.id("supervisor-leave")).click();
        Awaitility.await("the supervisor left the call").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> ASTERISK.cli("core show channels concise").lines().noneMatch(l -> l.contains("!ChanSpy!")));
        supervisorWait.until(d -> "registered".equals(d.findElement(By.id("phone-state")).getAttribute("data-state")));
        String audit = admin.get("/api/audit").body();
        assertThat(audit).contains("CALL_LISTENED", "CALL_WHISPERED", "CALL_BARGED");

        // hang up: the callee's leg ends, the agent wraps up and stays on the line
        agentBrowser.findElement(By.id("call-hangup")).click();
        agentWait.until(d -> "WRAP_UP".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        Awaitility.await("the callee's channel is gone").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> ASTERISK.cli("core show channels concise").lines().noneMatch(l -> l.startsWith("PJSIP/trunk1-")));
        assertThat(agentBrowser.findElement(By.id("phone-state")).getAttribute("data-state")).isEqualTo("on-line");
        shot(agentBrowser, "softphone-agent-wrap-up");

        // the next call is handed on (blind transfer): the callee is dialled through to the number, the agent is free
        agentBrowser.findElement(By.id("wrap-up-done")).click();
        agentWait.until(d -> "ON_CALL".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        agentWait.until(d -> d.findElement(By.id("call-transfer")).isEnabled() && d.findElement(By.id("transfer")).isDisplayed());
        new Select(agentBrowser.findElement(By.id("transfer-number"))).selectByValue(TRANSFER_TO);
        agentBrowser.findElement(By.id("call-transfer")).click();
        agentWait.until(d -> "WRAP_UP".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        awaitCallee("dialer-transfer");
        Awaitility.await("the transfer's number is dialled").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> ASTERISK.cli("core show channels concise").lines()
                        .anyMatch(l -> l.contains("!Dial!PJSIP/" + TRANSFER_TO.substring(1) + "@trunk1")));
        shot(agentBrowser, "softphone-agent-transferred");

        // the line drops (Asterisk hangs the agent's channel up): the desktop says so
        String line = ASTERISK.cli("core show channels concise").lines().filter(l -> l.startsWith("PJSIP/webrtc-" + agent + "-"))
                .findFirst().orElseThrow().split("!")[0];
        ASTERISK.cli("channel request hangup " + line);
        agentWait.until(d -> "dropped".equals(d.findElement(By.id("phone-state")).getAttribute("data-state")));
        shot(agentBrowser, "softphone-agent-dropped");
    }

    private static long supervisor() {
        return supervisorId;
    }

    private long user(String username, String role) {
        Api.Reply created = admin.post("/api/users", "{\"username\": \"" + username + "\", \"password\": \"" + username
                + "-password\", \"role\": \"" + role + "\", \"displayName\": \"" + username + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long campaign() throws Exception {
        Api.Reply created = admin.post("/api/campaigns", "{\"name\": \"Browser phones\", \"mode\": \"PROGRESSIVE\", \"telephony\": \"ASTERISK\""
                + ", \"recording\": true, \"windowStart\": \"00:00\", \"windowEnd\": \"23:59\", \"reportZone\": \"UTC\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long campaign = created.json().get("id").asLong();
        String boundary = "----softphone" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"campaignId\"\r\n\r\n" + campaign + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nphone,first_name,last_name\n" + TALKER + ",Tess,Talker\n" + SECOND_TALKER + ",Theo,Talker\r\n--"
                + boundary + "--\r\n";
        Api.Reply job = admin.post("/api/imports", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                "multipart/form-data; boundary=" + boundary);
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        admin.await("/api/imports/" + job.json().get("importJobId").asLong(), Duration.ofSeconds(30),
                j -> j != null && "COMPLETED".equals(j.path("status").asText()));
        // the lead lives where it is about noon, so its calling window never depends on the hour the test runs
        int offsetHours = Math.max(-12, Math.min(14, 12 - ZonedDateTime.now(ZoneOffset.UTC).getHour()));
        new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).update("UPDATE leads SET time_zone = ? WHERE campaign_id = ?",
                ZoneOffset.ofHours(offsetHours).getId(), campaign);
        return campaign;
    }

    private static void signIn(WebDriver browser, String username) {
        browser.get(base + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username + "-password");
        browser.findElement(By.id("login-submit")).click();
        waitOn(browser, 15).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static WebDriverWait waitOn(WebDriver browser, int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static Object js(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The browser phone's WebRTC statistics now (inbound-rtp and outbound-rtp of its audio). */
    private static Map<?, ?> stats(WebDriver browser) {
        return (Map<?, ?>) js(browser, "return window.dialerPhone.stats();");
    }

    private static Map<?, ?> awaitStats(WebDriver browser, java.util.function.Predicate<Map<?, ?>> until) {
        Map<?, ?>[] last = new Map<?, ?>[1];
        Awaitility.await("browser phone statistics").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> until.test(last[0] = stats(browser)));
        return last[0];
    }

    private static double number(Map<?, ?> stats, String key) {
        Object v = stats.get(key);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** Packets of the channel whose name starts with {@code prefix}: index 0 received by Asterisk, 1 sent by it. */
    private static long counted(Map<String, long[]> rtp, String prefix, int index) {
        return rtp.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue()[index]).max().orElse(0);
    }

    /** Waits until the callee's channel is in {@code context} of the dialplan. */
    private static void awaitCallee(String context) {
        Awaitility.await("the callee in " + context).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> ASTERISK.cli("core show channels concise").lines()
                        .anyMatch(l -> l.startsWith("PJSIP/trunk1-") && l.contains("!" + context + "!")));
    }

    private static void shot(WebDriver browser, String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
