package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AsteriskServerTest {

    @Test
    void serversAreConfiguredInOneLine() {
        var servers = AsteriskServer.parseAll("pbx1=dialer:s3cret@10.0.0.5:5038/120/PJSIP/{number}@trunk1; pbx2=d:x@pbx2.local:5039/30/SIP/trunk2/{number}");
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0)).isEqualTo(new AsteriskServer("pbx1", "10.0.0.5", 5038, "dialer", "s3cret", "PJSIP/{number}@trunk1", 120));
        assertThat(servers.get(1).channelFor("14155550001")).isEqualTo("SIP/trunk2/14155550001");
    }

    @Test
    void aBadLineSaysWhatWouldWork() {
        assertThatThrownBy(() -> AsteriskServer.parseAll("pbx1=10.0.0.5")).hasMessageContaining("name=user:secret@host:port/maxChannels/dialString");
        assertThatThrownBy(() -> AsteriskServer.parseAll("pbx1=d:x@h:1/5/PJSIP/trunk")).hasMessageContaining("{number}");
    }
}
