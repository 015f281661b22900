package org.opendialer.service.lead;

import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.service.callback.CallbackScheduler;
import org.opendialer.service.callback.CallbackService;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignForm;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.campaign.CampaignValidator;
import org.opendialer.service.disposition.DispositionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The campaign services over one test database, on a simulated clock, with helpers to add leads. */
final class Floor {

    final SimulatedClock clock;
    final JdbcTemplate jdbc;
    final TransactionTemplate tx;
    final CampaignRepository campaigns;
    final LeadStore store;
    final DoNotCallList dnc;
    final CallbackService callbacks;
    final DispositionService dispositions;

    Floor(DataSource dataSource, Instant now) {
        clock = new SimulatedClock(now);
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        campaigns = new CampaignRepository(jdbc, clock);
        store = new LeadStore(jdbc, tx);
        dnc = new DoNotCallList(jdbc);
        callbacks = new CallbackService(jdbc, clock, CallbackScheduler.NONE);
        dispositions = new DispositionService(jdbc, clock, dnc, callbacks);
    }

    /** A running campaign: only running campaigns' leads are handed out. */
    Campaign campaign(String name) {
        return running(campaigns.create(CampaignValidator.defaults(name)));
    }

    Campaign campaign(CampaignForm form) {
        return running(campaigns.create(CampaignValidator.apply(CampaignValidator.defaults(form.name()), form, campaigns)));
    }

    private Campaign running(Campaign created) {
        return campaigns.moveTo(created.id(), org.opendialer.service.campaign.CampaignStatus.RUNNING, null);
    }

    long lead(Campaign campaign, String phone, String zone) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, first_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                campaign.id(), phone, zone, "Lead " + phone, now, now);
        return jdbc.queryForObject("SELECT id FROM leads WHERE campaign_id = ? AND phone_e164 = ?", Long.class, campaign.id(), phone);
    }

    LeadHopper hopper(Campaign campaign, String instance, int batch) {
        return new LeadHopper(campaign, store, clock, instance, batch);
    }

    AttemptRecorder recorder(Campaign campaign, String instance) {
        return new AttemptRecorder(campaign, jdbc, tx, instance);
    }

    String status(long lead) {
        return jdbc.queryForObject("SELECT status FROM leads WHERE id = ?", String.class, lead);
    }

    Instant nextAttempt(long lead) {
        Timestamp ts = jdbc.queryForObject("SELECT next_attempt_at FROM leads WHERE id = ?", Timestamp.class, lead);
        return ts == null ? null : ts.toInstant();
    }
}
