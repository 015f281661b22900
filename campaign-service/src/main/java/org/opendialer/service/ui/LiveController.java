package org.opendialer.service.ui;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.security.Principal;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.opendialer.service.agent.AgentController;
import org.opendialer.service.user.UserAccount;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.dialing.CampaignRunner;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events: a campaign's live status for the dashboard, every active campaign's for the wallboard, and
 * an agent's own state for the desktop,
 * each pushed once a second for as long as the page is open (the browser reconnects by itself).
 */
@RestController
public class LiveController {

    private static final long STREAM_MILLIS = 30 * 60 * 1000L;

    private final CampaignRunner runner;
    private final UserDirectory users;
    private final org.opendialer.service.campaign.CampaignRepository campaigns;
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "ui-live");
        t.setDaemon(true);
        return t;
    });

    public LiveController(CampaignRunner runner, UserDirectory users, org.opendialer.service.campaign.CampaignRepository campaigns) {
        this.runner = runner;
        this.users = users;
        this.campaigns = campaigns;
    }

    /** One tile per campaign that is running or paused: its live status with the abandon cap it is held to. */
    public record WallboardTile(double abandonCap, org.opendialer.service.dialing.CampaignLiveStatus live) {
    }

    @GetMapping(path = "/ui/wallboard/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter wallboard() {
        return stream("wallboard", () -> campaigns.list().stream()
                .filter(c -> c.status() == org.opendialer.service.campaign.CampaignStatus.RUNNING
                        || c.status() == org.opendialer.service.campaign.CampaignStatus.PAUSED)
                .map(c -> new WallboardTile(c.abandon().target().share(), runner.status(c.id())))
                .toList());
    }

    @GetMapping(path = "/ui/campaigns/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter campaign(@PathVariable long id) {
        runner.status(id); // an unknown campaign is a 404 before the stream opens
        return stream("status", () -> runner.status(id));
    }

    @GetMapping(path = "/ui/agent/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter agent(Principal principal) {
        UserAccount me = users.byUsername(principal.getName()).orElseThrow();
        return stream("agent", () -> AgentController.AgentView.now(runner, me.id()));
    }

    private SseEmitter stream(String event, Supplier<Object> value) {
        SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = ticks.scheduleAtFixedRate(() -> {
            try {
                emitter.send(SseEmitter.event().name(event).data(value.get(), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                task[0].cancel(false); // the page went away
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
                task[0].cancel(false);
            }
        }, 100, 1000, TimeUnit.MILLISECONDS);
        emitter.onCompletion(() -> task[0].cancel(false));
        emitter.onTimeout(() -> task[0].cancel(false));
        emitter.onError(e -> task[0].cancel(false));
        return emitter;
    }

    @PreDestroy
    void stop() {
        ticks.shutdownNow();
    }
}
