package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendialer.engine.asterisk.AsteriskTelephony;
import org.opendialer.engine.asterisk.RealAsterisk;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.PhoneNumber;
import org.opendialer.engine.clock.SystemClock;
import org.opendialer.engine.telephony.CallEvent;
import org.opendialer.engine.telephony.OriginateRequest;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A campaign's safe-harbour and answering-machine texts, spoken by the dialer's voice into the Asterisk sounds folder
 * when the campaign starts on a real Asterisk 22, and played from there to a callee no agent could take.
 */
class CampaignRecordingsRealIT {

    @RegisterExtension
    static final RealAsterisk ASTERISK = new RealAsterisk();

    @Test
    void startingACampaignSpeaksItsTextsIntoTheSoundsFolderAndAsteriskPlaysTheSafeHarbourToACallee() throws Exception {
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:rec" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0", "--dialer.asterisk.sounds-dir=" + ASTERISK.sounds(),
                "--dialer.asterisk.servers=pbx1=dialer:" + RealAsterisk.SECRET + "@127.0.0.1:" + ASTERISK.server(5).port()
                        + "/5/PJSIP/{number}@trunk1");
        long campaign;
        try (ConfigurableApplicationContext context = serve.start()) {
            Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            campaign = api.post("/api/campaigns", """
                    {"name": "spoken", "mode": "PROGRESSIVE", "telephony": "ASTERISK", "windowStart": "00:00",
                     "windowEnd": "23:59", "reportZone": "UTC"}""").json().get("id").asLong();
            Api.Reply refused = api.put("/api/campaigns/" + campaign + "/prompts", "{\"safeHarbour\": \"12345\"}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("safeHarbour").contains("words");
            assertThat(api.put("/api/campaigns/" + campaign + "/prompts", """
                    {"safeHarbour": "Hello, this is Open Dialer. Nobody was free to take your call. To opt out, call 555 0100.",
                     "message": "Hello, this is Open Dialer with an offer. Please call us back at 555 0100."}""").status())
                    .isEqualTo(200);

            assertThat(api.post("/api/campaigns/" + campaign + "/start", null).status()).isEqualTo(200);
            api.post("/api/campaigns/" + campaign + "/stop", null);
        }
        for (String name : List.of("safe-harbour-" + campaign + ".wav", "message-" + campaign + ".wav")) {
            Path wav = ASTERISK.sounds().resolve(name);
            AudioFormat format = AudioSystem.getAudioFileFormat(wav.toFile()).getFormat();
            assertThat(format.getSampleRate()).as(name).isEqualTo(8000f);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(Files.size(wav)).as(name + " holds seconds of speech").isGreaterThan(2 * 16_000);
        }

        try (SystemClock clock = new SystemClock("recordings")) {
            AsteriskTelephony telephony = new AsteriskTelephony(clock, List.of(ASTERISK.server(5)));
            BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();
            telephony.setListener(events::add);
            telephony.connect();
            AttemptId attempt = new AttemptId(9001);
            telephony.originate(new OriginateRequest(attempt, new CampaignId(campaign), new PhoneNumber("+14155550110"), null,
                    Duration.ofSeconds(15), false, false, Map.of()));
            CallEvent e = events.poll(10, TimeUnit.SECONDS);
            while (e != null && !(e instanceof CallEvent.CallAnswered)) {
                e = events.poll(10, TimeUnit.SECONDS);
            }
            assertThat(e).as("the callee answers").isInstanceOf(CallEvent.CallAnswered.class);
            telephony.playSafeHarbourAndHangup(attempt);
            var played = ASTERISK.events().await("dialer-9001", x -> "VarSet".equals(x.name())
                    && "PLAYBACKSTATUS".equals(x.get("Variable")), Duration.ofSeconds(20));
            assertThat(played.get("Value")).as("the campaign's own recording, the first one the dialplan tries").isEqualTo("SUCCESS");
            var playback = ASTERISK.events().await("dialer-9001", x -> "Newexten".equals(x.name())
                    && "Playback".equals(x.get("Application")), Duration.ofSeconds(1));
            assertThat(playback.get("AppData")).endsWith("/safe-harbour-" + campaign);
            telephony.close();
        }
    }
}
