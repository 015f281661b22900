package org.opendialer.service.dialing;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.engine.telephony.RobotLine;
import org.opendialer.service.attempt.AttemptEvents;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.campaign.DialingMode;
import org.opendialer.service.disposition.DispositionService;
import org.opendialer.service.lead.AttemptRecovery;
import org.opendialer.service.lead.DoNotCallList;
import org.opendialer.service.robot.Personas;
import org.opendialer.service.robot.RobotCalls;
import org.opendialer.service.robot.RobotMedia;
import org.opendialer.service.robot.ScriptStore;
import org.opendialer.service.robot.SpeechEngines;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.speech.robot.Persona;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the running of campaigns: channel leases, the adoption of calls that outlived a restart, each
 * campaign's telephony, and the runner that dials. With {@code dialer.dialing.enabled=false} (the CLI's one-shot commands) the
 * services exist but no campaign is resumed and no heartbeat runs.
 */
@Configuration(proxyBeanMethods = false)
public class DialingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DialingConfiguration.class);

    /** This instance's name in the database: {@code dialer.instance-id}, else host:port. */
    @Bean
    public InstanceName instanceName(DialingProperties settings, Environment environment) {
        return new InstanceName(settings.instanceId().isBlank()
                ? host() + ":" + environment.getProperty("server.port", "8080") : settings.instanceId());
    }

    /** Each Asterisk server's channels, leased in the database so every campaign of every instance shares its maximum. */
    @Bean
    public DatabaseChannelLeases channelLeases(JdbcTemplate jdbc, DialerClock clock, InstanceName instance) {
        return new DatabaseChannelLeases(jdbc, clock, instance.name());
    }

    /** Calls still up on Asterisk after a restart are followed to their end instead of being closed as interrupted. */
    @Bean(destroyMethod = "close")
    public CallAdoption callAdoption(JdbcTemplate jdbc, TransactionTemplate tx, CampaignRepository campaigns, DialerClock clock,
                                     DatabaseChannelLeases leases, DialingProperties settings, InstanceName instance,
                                     AttemptEvents events) {
        return new CallAdoption(settings.asterisk().parsed(), leases, jdbc, tx, campaigns, clock, instance.name(), events);
    }

    /**
     * Agentless campaigns with a talk track hold real robot conversations: with the simulated callees in
     * {@code dialer.personas} on the simulated PBX, with live callees through the robot's media server on Asterisk.
     */
    @Bean
    public TelephonyFactory telephonyFactory(ScriptStore scripts, SpeechEngines speech, JdbcTemplate jdbc,
                                             DispositionService dispositions, RobotMedia robotMedia, DialingProperties settings,
                                             DatabaseChannelLeases leases) {
        PromptRecordings recordings = new PromptRecordings(settings.asterisk().soundsPath(), jdbc, speech::synthesizer);
        return new TelephonyFactory((campaign, clock) -> {
            if (campaign.mode() != DialingMode.AGENTLESS) {
                return null;
            }
            return scripts.forCampaign(campaign.id()).<RobotLine>map(track -> {
                speech.prepare(track); // the campaign's fixed prompts are rendered as it starts
                // live callees need no simulated ones
                List<Persona> simulated = campaign.line().simulated() ? Personas.load(settings.personas()) : List.of();
                return new RobotCalls(speech, track, simulated, jdbc, dispositions, clock);
            }).orElse(null);
        }, settings.asterisk().parsed(), settings.simulated().callees(), leases, recordings::render, robotMedia);
    }

    @Bean(destroyMethod = "close")
    public CampaignRunner campaignRunner(CampaignRepository campaigns, JdbcTemplate jdbc, TransactionTemplate tx,
                                         DoNotCallList dnc, UserDirectory users, TelephonyFactory telephony,
                                         MeterRegistry meters, InstanceName instance, AttemptEvents events) {
        return new CampaignRunner(campaigns, jdbc, tx, dnc, users, telephony, meters, instance.name(), CampaignRunner.realTime(),
                events);
    }

    /** This instance's name in the database, as every instance sees it in leases, heartbeats and adopted calls. */
    public record InstanceName(String name) {
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Recovery, resuming and the heartbeat: only in {@code serve}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "dialer.dialing.enabled", havingValue = "true", matchIfMissing = true)
    static class LiveDialing {

        private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dialer-heartbeat");
            thread.setDaemon(true);
            return thread;
        });

        /** Campaigns paused, stopped or started through another instance are followed here within a second. */
        private final ScheduledExecutorService statusFollower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dialer-campaign-status");
            thread.setDaemon(true);
            return thread;
        });

        @EventListener(ApplicationReadyEvent.class)
        public void resume(ApplicationReadyEvent event) {
            var context = event.getApplicationContext();
            CampaignRunner runner = context.getBean(CampaignRunner.class);
            AttemptRecovery recovery = context.getBean(AttemptRecovery.class);
            DialerClock clock = context.getBean(DialerClock.class);
            recovery.heartbeat(runner.instance(), host(), clock.now());
            int replayed = runner.replayJournals(); // first: recovery then sees every attempt the last run placed
            if (replayed > 0) {
                LOG.warn("Stored {} attempt write(s) the last run had journalled but not yet written", replayed);
            }
            int closed = recovery.recover(runner.instance(), clock.now());
            if (closed > 0) {
                LOG.warn("Recovered {} attempt(s) left open before this start", closed);
            }
            runner.resumeRunning();
            heartbeat.scheduleWithFixedDelay(() -> {
                try {
                    recovery.heartbeat(runner.instance(), host(), clock.now());
                    recovery.recoverDead(runner.instance(), clock.now());
                } catch (RuntimeException e) {
                    LOG.warn("Heartbeat failed: {}", e.getMessage());
                }
            }, 15, 15, TimeUnit.SECONDS);
            statusFollower.scheduleWithFixedDelay(() -> {
                try {
                    runner.followStoredStatus();
                } catch (RuntimeException e) {
                    LOG.warn("Could not read the campaigns' status: {}", e.getMessage());
                }
            }, 1, 1, TimeUnit.SECONDS);
        }

        @jakarta.annotation.PreDestroy
        void stop() {
            statusFollower.shutdownNow();
            heartbeat.shutdownNow();
        }
    }
}
