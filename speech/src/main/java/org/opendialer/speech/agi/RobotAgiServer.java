package org.opendialer.speech.agi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.opendialer.speech.robot.ConversationResult;
import org.opendialer.speech.robot.Robot;
import org.opendialer.speech.script.TalkTrack;

/**
 * The FastAGI server the dialplan hands answered robot calls to ({@code AGI(agi://dialer:4573/robot)}).
 * For each call it reads the channel variables the dialer set when it originated the call (CAMPAIGN_ID,
 * ATTEMPT_ID, LEAD_ID, TIME_ZONE and the lead's fields), runs the campaign's talk track, and leaves the
 * outcome in channel variables for the dialplan: ROBOT_OUTCOME (TRANSFERRED, CALLBACK, DNC, ENDED,
 * HUNG_UP, MACHINE), ROBOT_DISPOSITION, ROBOT_CALLBACK (ISO time) and ROBOT_TRANSFER=1 for a hot lead. The
 * full result goes to the listener (the service stores the turns and tells the agent).
 */
public final class RobotAgiServer implements AutoCloseable {

    /** Lead fields passed as channel variables, upper-case, read into the script's {placeholders}. */
    public static final List<String> LEAD_VARIABLES = List.of("FIRST_NAME", "LAST_NAME", "COMPANY", "PLAN", "TIME_ZONE");

    /** One finished robot call, for the service to store. */
    public record Finished(long campaignId, long attemptId, long leadId, ConversationResult result) {
    }

    private final DefaultAgiServer server;
    private final Thread thread;

    /**
     * @param port    FastAGI port (4573 is Asterisk's default)
     * @param sounds  the directory Asterisk reads prompts from and records answers to
     * @param scripts the talk track of a campaign, by campaign id
     */
    public RobotAgiServer(int port, Path sounds, Robot robot, Function<Long, TalkTrack> scripts, Consumer<Finished> listener)
            throws IOException {
        Files.createDirectories(sounds);
        AgiScript script = (AgiRequest request, AgiChannel channel) -> {
            long campaign = number(channel, "CAMPAIGN_ID");
            Map<String, String> lead = new HashMap<>();
            for (String name : LEAD_VARIABLES) {
                String value = channel.getVariable(name);
                if (value != null) {
                    lead.put(name.toLowerCase(), value);
                }
            }
            ZoneId zone = ZoneId.of(lead.getOrDefault("time_zone", "UTC"));
            channel.answer();
            ConversationResult result = robot.converse(scripts.apply(campaign), new AgiAudioChannel(channel, sounds), lead,
                    ZonedDateTime.now(zone));
            try {
                channel.setVariable("ROBOT_OUTCOME", result.outcome().name());
                channel.setVariable("ROBOT_DISPOSITION", result.disposition());
                if (result.callbackAt() != null) {
                    channel.setVariable("ROBOT_CALLBACK", result.callbackAt().toOffsetDateTime().toString());
                }
                if (result.outcome() == ConversationResult.Outcome.TRANSFERRED) {
                    channel.setVariable("ROBOT_TRANSFER", "1");
                }
            } catch (AgiException hungUp) {
                // the callee left after the last prompt: the result stands
            }
            listener.accept(new Finished(campaign, number(channel, "ATTEMPT_ID"), number(channel, "LEAD_ID"), result));
        };
        server = new DefaultAgiServer(script);
        server.setPort(port);
        server.setPoolSize(8);
        server.setMaximumPoolSize(64);
        thread = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                throw new IllegalStateException("FastAGI server could not listen on port " + port + ": " + e.getMessage(), e);
            }
        }, "robot-fastagi");
        thread.setDaemon(true);
        thread.start();
    }

    private static long number(AgiChannel channel, String variable) throws AgiException {
        String value = channel.getVariable(variable);
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
