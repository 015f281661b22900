package org.opendialer.service.supervisor;

import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.dialing.CampaignRunner;
import org.opendialer.service.security.AuditLog;
import org.opendialer.service.softphone.SoftphoneConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The supervisor's beans: the floor view and monitoring through the browser phones' AMI session. */
@Configuration(proxyBeanMethods = false)
public class SupervisorConfiguration {

    @Bean
    public FloorView floorView(CampaignRunner runner, CampaignRepository campaigns, UserDirectory users, JdbcTemplate jdbc) {
        return new FloorView(runner, campaigns, users, jdbc);
    }

    @Bean
    public Monitoring monitoring(SoftphoneConfiguration.PbxHolder pbx, SoftphoneConfiguration.Phones phones, AuditLog audit) {
        return new Monitoring(pbx.pbx(), phones.phones(), audit::record);
    }
}
