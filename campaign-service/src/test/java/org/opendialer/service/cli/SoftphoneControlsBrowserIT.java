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
}
