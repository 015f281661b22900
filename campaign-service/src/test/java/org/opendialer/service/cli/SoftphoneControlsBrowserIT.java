package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The call controls on the simulated PBX, as the demo shows them: without Asterisk there is no browser phone (the
 * desktop says so), but hold, keypad, mute and hang up act on the simulated call in front of the agent, by click and
 * by keyboard, in English and in Chinese.
 */
class SoftphoneControlsBrowserIT {

    private static UiBrowser ui;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(UiBrowser.available(), "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        ui = new UiBrowser("controls");
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.close();
        }
    }

    private String flags() {
        return ui.text("call-flags");
    }

    /** Waits for the call's flags to say {@code what}; a timeout says what they and the call's message said instead. */
    private void awaitFlags(String what) {
        try {
            ui.wait.until(d -> flags().contains(what));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("flags '" + flags() + "', message '" + ui.text("call-message") + "', expected " + what, e);
        }
    }

    @Test
    void holdKeypadMuteAndHangUpActOnTheSimulatedCall() throws Exception {
        ui.user("cal", "AGENT", "Cal");
        long campaign = ui.campaign("{\"name\": \"Demo controls\", \"mode\": \"PROGRESSIVE\"" + UiBrowser.allDay() + "}");
        ui.importLeads(campaign, "phone,first_name,last_name\n+14155550101,Ada,Lovelace\n+14155550102,Alan,Turing\n");
        ui.pinLeadsToMidday(campaign);
        assertThat(ui.admin.post("/api/campaigns/" + campaign + "/start", "{}").status()).isEqualTo(200);

        ui.signIn("cal");
        ui.open("/agent", "en");
        ui.wait.until(d -> d.findElement(By.id("phone-unavailable")).isDisplayed());
        assertThat(ui.find("#phone-use").isEnabled()).as("no browser phone without Asterisk").isFalse();
        assertThat(ui.find("#call-hangup").isEnabled()).as("no call yet").isFalse();
        ui.wait.until(d -> !d.findElements(By.cssSelector("#campaign option[value='" + campaign + "']")).isEmpty());
        new Select(ui.find("#campaign")).selectByValue(Long.toString(campaign));
        ui.find("#login").click();
        ui.wait.until(d -> "PAUSED".equals(d.findElement(By.id("state")).getAttribute("data-state"))
                || "READY".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        ui.find("#ready").click();
        ui.wait.until(d -> !d.findElement(By.id("phone")).getAttribute("data-call").isEmpty());
        assertThat(flags()).contains("simulated call");

        ui.find("#call-hold").click();
        ui.wait.until(d -> "true".equals(d.findElement(By.id("phone")).getAttribute("data-held")));
        assertThat(ui.text("call-hold")).isEqualTo("Resume");
        ui.find("#keypad button[data-digit='5']").click();
        awaitFlags("keys sent: 5");
        new Actions(ui.browser).keyDown(Keys.ALT).sendKeys("7").keyUp(Keys.ALT).perform();
        awaitFlags("keys sent: 57");
        new Actions(ui.browser).keyDown(Keys.ALT).sendKeys("m").keyUp(Keys.ALT).perform();
        awaitFlags("muted");
        assertThat(flags()).contains("on hold");
        new Actions(ui.browser).keyDown(Keys.ALT).sendKeys("o").keyUp(Keys.ALT).perform();
        ui.wait.until(d -> "false".equals(d.findElement(By.id("phone")).getAttribute("data-held")));
        ui.shot("softphone-simulated-controls");

        ui.open("/agent", "zh");
        ui.wait.until(d -> !d.findElement(By.id("phone")).getAttribute("data-call").isEmpty());
        ui.settle();
        assertThat(ui.untranslated(Set.of("Ada", "Lovelace", "Alan", "Turing", "cal", "Cal", "Demo", "controls")))
                .as("the phone card in Chinese").isEmpty();
        ui.shot("softphone-simulated-controls-zh");

        String attempt = ui.find("#phone").getAttribute("data-call");
        ui.find("#call-hangup").click();
        ui.wait.until(d -> "WRAP_UP".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        ui.admin.await("/api/attempts/" + attempt, java.time.Duration.ofSeconds(15), a -> a != null && "ENDED".equals(a.path("state").asText()));
    }

    /**
     * Click-to-call: a ready agent of a PREVIEW campaign dials a lead from its page and a callback from "My callbacks";
     * each call comes to their desktop. A lead whose calling window is closed, or one already being dialled, is
     * refused with the reason next to the button.
     */
    @Test
    void anAgentDialsALeadFromItsPageAndACallbackFromTheirList() throws Exception {
        long dee = ui.user("dee", "AGENT", "Dee");
        long campaign = ui.campaign("{\"name\": \"Demo Cal\", \"mode\": \"PREVIEW\", \"windowStart\": \"08:00\","
                + " \"windowEnd\": \"20:00\", \"windowDays\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\","
                + " \"SATURDAY\", \"SUNDAY\"]}");
        ui.importLeads(campaign, "phone,first_name,last_name\n+14155550111,Ada,Byron\n+14155550112,Grace,Hopper\n+14155550113,Night,Owl\n");
        ui.pinLeadsToMidday(campaign);
        long ada = lead("+14155550111");
        long grace = lead("+14155550112");
        long owl = lead("+14155550113");
        int hour = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour();
        ui.jdbc.update("UPDATE leads SET time_zone = ? WHERE id = ?", java.time.ZoneOffset.ofHours(hour <= 12 ? -hour : 24 - hour).getId(), owl);
        assertThat(ui.admin.post("/api/leads/" + grace + "/callbacks", "{\"at\": \"" + java.time.Instant.now().plusSeconds(3600)
                + "\", \"agentId\": " + dee + ", \"note\": \"wants the offer\"}").status()).isEqualTo(201);
        assertThat(ui.admin.post("/api/campaigns/" + campaign + "/start", "{}").status()).isEqualTo(200);

        ui.signIn("dee");
        ui.open("/agent", "en");
        ui.wait.until(d -> !d.findElements(By.cssSelector("#campaign option[value='" + campaign + "']")).isEmpty());
        new Select(ui.find("#campaign")).selectByValue(Long.toString(campaign));
        ui.find("#login").click();
        ui.wait.until(d -> "PAUSED".equals(d.findElement(By.id("state")).getAttribute("data-state"))
                || "READY".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        ui.find("#ready").click();
        ui.wait.until(d -> "READY".equals(d.findElement(By.id("state")).getAttribute("data-state")));

        ui.open("/leads/" + owl, "en");
        ui.find("#lead-dial button").click();
        ui.wait.until(d -> d.findElement(By.id("dial-message")).getAttribute("class").contains("dial-refused"));
        assertThat(ui.text("dial-message")).contains("outside the lead's calling window (08:00-20:00");

        ui.open("/leads/" + ada, "en");
        ui.find("#lead-dial button").click();
        ui.wait.until(d -> d.findElement(By.id("dial-message")).getAttribute("class").contains("dial-placed"));
        String first = ui.find("#dial-message").getAttribute("data-attempt");
        assertThat(ui.admin.get("/api/attempts/" + first).json().get("lead_id").asLong()).isEqualTo(ada);
        ui.find("#lead-dial button").click();
        ui.wait.until(d -> d.findElement(By.id("dial-message")).getAttribute("class").contains("dial-refused"));
        assertThat(ui.text("dial-message")).contains("is being dialled already");
        ui.shot("click-to-call-refused");

        ui.open("/agent", "en");
        ui.wait.until(d -> first.equals(d.findElement(By.id("phone")).getAttribute("data-call")));
        ui.find("#call-hangup").click();
        ui.wait.until(d -> "WRAP_UP".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        assertThat(ui.js("return Dialer.api('POST', '/api/me/dial', {leadId: arguments[0]}).then(() => 'placed', e => e.message)", grace))
                .as("no dial while wrapping up").isEqualTo("agent " + dee + " must be ready to dial, is WRAP_UP");
        ui.js("Dialer.api('POST', '/api/agents/' + arguments[0] + '/wrap-up-done')", dee);
        ui.wait.until(d -> "READY".equals(d.findElement(By.id("state")).getAttribute("data-state")));

        ui.open("/agent/callbacks", "en");
        ui.wait.until(d -> !d.findElements(By.cssSelector("#callbacks button.dial-lead[data-lead='" + grace + "']")).isEmpty());
        ui.find("#callbacks button.dial-lead[data-lead='" + grace + "']").click();
        ui.wait.until(d -> d.findElement(By.id("dial-message")).getAttribute("class").contains("dial-placed"));
        String second = ui.find("#dial-message").getAttribute("data-attempt");
        assertThat(ui.admin.get("/api/attempts/" + second).json().get("lead_id").asLong()).isEqualTo(grace);
        ui.shot("click-to-call-callback");
        ui.open("/agent", "en");
        ui.wait.until(d -> second.equals(d.findElement(By.id("phone")).getAttribute("data-call")));
        ui.find("#call-hangup").click();
        ui.wait.until(d -> "WRAP_UP".equals(d.findElement(By.id("state")).getAttribute("data-state")));
    }

    /**
     * Blind transfer to another agent on the simulated PBX: the transfer menu offers the ready agents of the campaign;
     * the callee moves to the chosen one, who is on the call (its screen pop), while the first agent wraps up.
     */
    @Test
    void anAgentHandsTheCallToAReadyAgentOfTheCampaign() throws Exception {
        ui.user("eve", "AGENT", "Eve");
        long fay = ui.user("fay", "AGENT", "Fay Demo");
        long campaign = ui.campaign("{\"name\": \"Cal controls\", \"mode\": \"PREVIEW\"" + UiBrowser.allDay() + "}");
        ui.importLeads(campaign, "phone,first_name,last_name\n+14155550121,Ada,Lovelace\n");
        ui.pinLeadsToMidday(campaign);
        long lead = lead("+14155550121");
        assertThat(ui.admin.post("/api/campaigns/" + campaign + "/start", "{}").status()).isEqualTo(200);
        Api fayApi = new Api(java.net.URI.create(ui.base).getPort(), "fay", "fay-password");
        assertThat(fayApi.post("/api/agents/" + fay + "/login", "{\"campaignId\": " + campaign + "}").status()).isEqualTo(200);
        assertThat(fayApi.post("/api/agents/" + fay + "/ready", "{}").json().get("state").asText()).isEqualTo("READY");

        ui.signIn("eve");
        ui.open("/agent", "en");
        ui.wait.until(d -> !d.findElements(By.cssSelector("#campaign option[value='" + campaign + "']")).isEmpty());
        new Select(ui.find("#campaign")).selectByValue(Long.toString(campaign));
        ui.find("#login").click();
        ui.wait.until(d -> "PAUSED".equals(d.findElement(By.id("state")).getAttribute("data-state"))
                || "READY".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        ui.find("#ready").click();
        ui.wait.until(d -> "READY".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        ui.js("Dialer.api('POST', '/api/me/dial', {leadId: arguments[0]})", lead);
        ui.wait.until(d -> !d.findElement(By.id("phone")).getAttribute("data-call").isEmpty());
        String attempt = ui.find("#phone").getAttribute("data-call");

        ui.wait.until(d -> !d.findElements(By.cssSelector("#transfer-number option.transfer-agent[value='agent:" + fay + "']")).isEmpty());
        assertThat(ui.find("#transfer-number option.transfer-agent").getText()).isEqualTo("Fay Demo");
        new Select(ui.find("#transfer-number")).selectByValue("agent:" + fay);
        ui.shot("transfer-to-agent");
        ui.find("#call-transfer").click();
        ui.wait.until(d -> "WRAP_UP".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        assertThat(ui.text("call-message")).isEmpty();
        com.fasterxml.jackson.databind.JsonNode fayNow = fayApi.get("/api/agents/" + fay).json();
        assertThat(fayNow.get("state").asText()).isEqualTo("ON_CALL");
        assertThat(fayNow.get("attemptId").asText()).isEqualTo(attempt);
        assertThat(fayApi.get("/api/me/call").json().get("attemptId").asText()).isEqualTo(attempt);
        ui.admin.await("/api/attempts/" + attempt, java.time.Duration.ofSeconds(15),
                a -> a != null && a.path("agent_id").asLong() == fay);
        Api eveApi = new Api(java.net.URI.create(ui.base).getPort(), "eve", "eve-password");
        assertThat(eveApi.get("/api/attempts/" + attempt).status()).as("the first agent still opens the call to wrap it up").isEqualTo(200);
        assertThat(eveApi.post("/api/attempts/" + attempt + "/disposition", "{\"code\": \"INTERESTED\"}").status()).isEqualTo(200);
    }

    private long lead(String phone) {
        return ui.jdbc.queryForObject("SELECT id FROM leads WHERE phone_e164 = ?", Long.class, phone);
    }
}
