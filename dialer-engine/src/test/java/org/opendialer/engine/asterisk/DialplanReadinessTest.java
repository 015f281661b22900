package org.opendialer.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendialer.engine.clock.SystemClock;

/** Before a campaign dials a server, the dialer checks that the server has its dialplan contexts and app_amd. */
class DialplanReadinessTest {

    private TestAmiServer asterisk;
    private SystemClock clock;
    private AsteriskTelephony telephony;

    @BeforeEach
    void connect() throws Exception {
        asterisk = new TestAmiServer("s3cret", Map.of());
        clock = new SystemClock("readiness");
        telephony = new AsteriskTelephony(clock, List.of(new AsteriskServer("pbx1", "127.0.0.1", asterisk.port(), "dialer", "s3cret",
                "PJSIP/{number}@trunk1", 10)));
        telephony.connect();
    }

    @AfterEach
    void close() throws Exception {
        telephony.close();
        asterisk.close();
        clock.close();
    }

    @Test
    void aServerWithTheShippedDialplanAndAppAmdIsReady() {
        assertThat(telephony.readinessProblems(true)).isEmpty();
    }

    @Test
    void aMissingContextIsNamedWithTheFileThatBringsIt() {
        asterisk.dialplan(Set.of("dialer-outbound", "dialer-agent-line", "dialer-agent", "dialer-message"));

        assertThat(telephony.readinessProblems(false)).containsExactly(
                "pbx1 has no dialplan context 'dialer-safe-harbour'; include dialer-engine/asterisk/extensions_dialer.conf in its extensions.conf");
    }

    @Test
    void machineDetectionNeedsAppAmdLoadedAndNothingElseDoes() {
        asterisk.modules(Set.of("app_confbridge"));

        assertThat(telephony.readinessProblems(false)).isEmpty();
        assertThat(telephony.readinessProblems(true)).singleElement().asString()
                .startsWith("pbx1 has not loaded app_amd").contains("amd.conf");
    }

    @Test
    void aRobotCampaignNeedsTheRobotsContextAndAppAudiosocket() {
        asterisk.modules(Set.of("app_amd", "app_confbridge"));
        assertThat(telephony.readinessProblems(false, false)).isEmpty();
        assertThat(telephony.readinessProblems(false, true)).singleElement().asString()
                .startsWith("pbx1 has not loaded app_audiosocket").contains("res_audiosocket.so");

        asterisk.modules(Set.of("app_audiosocket"));
        asterisk.dialplan(Set.of("dialer-outbound", "dialer-agent-line", "dialer-agent", "dialer-safe-harbour", "dialer-message"));
        assertThat(telephony.readinessProblems(false, true)).containsExactly(
                "pbx1 has no dialplan context 'dialer-robot'; include dialer-engine/asterisk/extensions_dialer.conf in its extensions.conf");
    }
}
