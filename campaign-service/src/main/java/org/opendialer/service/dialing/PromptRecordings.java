package org.opendialer.service.dialing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignPromptController;
import org.opendialer.service.campaign.CampaignPrompts;
import org.opendialer.service.web.ConflictException;
import org.opendialer.speech.Audio;
import org.opendialer.speech.agi.WavFiles;
import org.opendialer.speech.tts.SpeechSynthesizer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Speaks a campaign's safe-harbour and answering-machine texts with the dialer's voice into the Asterisk sounds
 * folder as it starts: {@code safe-harbour-<campaign>.wav} and {@code message-<campaign>.wav}, 8 kHz mono 16-bit,
 * which the shipped dialplan plays before the folder's shared {@code safe-harbour.wav} / {@code message.wav}. A
 * text removed since the last start removes its recording, so the shared one plays again.
 */
public final class PromptRecordings {

    private final Path soundsDir;
    private final JdbcTemplate jdbc;
    private final Supplier<SpeechSynthesizer> voice;

    /** @param soundsDir the folder Asterisk plays from (DIALER_SOUNDS_DIR); null: nothing is rendered */
    public PromptRecordings(Path soundsDir, JdbcTemplate jdbc, Supplier<SpeechSynthesizer> voice) {
        this.soundsDir = soundsDir;
        this.jdbc = jdbc;
        this.voice = voice;
    }

    /** Writes (or removes) the campaign's recordings; the files written. */
    public List<Path> render(Campaign campaign) {
        List<Path> written = new ArrayList<>();
        if (soundsDir == null) {
            return written;
        }
        CampaignPrompts prompts = CampaignPromptController.read(jdbc, campaign.id());
        try {
            Files.createDirectories(soundsDir);
            write(prompts.safeHarbour(), soundsDir.resolve("safe-harbour-" + campaign.id() + ".wav"), written);
            write(prompts.message(), soundsDir.resolve("message-" + campaign.id() + ".wav"), written);
        } catch (IOException | RuntimeException e) {
            throw new ConflictException("campaign '" + campaign.name() + "': its recordings could not be written to "
                    + soundsDir + " (dialer.asterisk.sounds-dir): " + e.getMessage());
        }
        return written;
    }

    private void write(String text, Path file, List<Path> written) throws IOException {
        if (text == null) {
            Files.deleteIfExists(file);
            return;
        }
        Audio spoken = voice.get().speak(text, Audio.TELEPHONE);
        Path partial = file.resolveSibling("." + file.getFileName() + ".part");
        WavFiles.write(spoken, partial);
        // Asterisk may be playing the old one: the new file replaces it whole
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        written.add(file);
    }
}
