package org.opendialer.service.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendialer.service.softphone.BrowserPhones;
import org.opendialer.service.softphone.RecordingPbx;

class MonitoringTest {

    @TempDir
    Path dir;

    private final RecordingPbx pbx = new RecordingPbx();
    private final List<String> audit = new ArrayList<>();

    private Monitoring monitoring(BrowserPhones phones) {
        return new Monitoring(Optional.of(pbx), Optional.of(phones), (action, target, details) -> {
            audit.add(action + " " + target + " " + details);
            pbx.requests.add("(audited)");
        });
    }

    @Test
    void listenWhisperAndBargeCallTheSupervisorsPhoneIntoChanSpyOnTheAgentsLineAndAreAuditedFirst() {
        BrowserPhones phones = new BrowserPhones(dir.resolve("phones.conf"), "ws://127.0.0.1:8088/ws", pbx);
        phones.phoneOf(3);
        pbx.channels.put("dialer-agent-7-1700000000000", "PJSIP/webrtc-7-0000001a");
        pbx.channels.put("dialer-agent-70-1700000000001", "PJSIP/webrtc-70-0000001b");
        Monitoring monitoring = monitoring(phones);

        assertThat(monitoring.monitor(3, 7, MonitorMode.LISTEN)).isEqualTo("PJSIP/webrtc-7-0000001a");
        monitoring.monitor(3, 7, MonitorMode.WHISPER);
        monitoring.monitor(3, 7, MonitorMode.BARGE);

        assertThat(pbx.requests).containsExactly("reload res_pjsip.so",
                "(audited)", "call PJSIP/webrtc-3 into ChanSpy(PJSIP/webrtc-7-0000001a,q)",
                "(audited)", "call PJSIP/webrtc-3 into ChanSpy(PJSIP/webrtc-7-0000001a,qw)",
                "(audited)", "call PJSIP/webrtc-3 into ChanSpy(PJSIP/webrtc-7-0000001a,qB)");
        assertThat(audit).containsExactly("CALL_LISTENED agent 7 PJSIP/webrtc-7-0000001a",
                "CALL_WHISPERED agent 7 PJSIP/webrtc-7-0000001a", "CALL_BARGED agent 7 PJSIP/webrtc-7-0000001a");
    }

    @Test
    void anAgentWithoutALineOrASupervisorWithoutAPhoneIsToldWhatIsMissingAndNothingIsAudited() {
        BrowserPhones phones = new BrowserPhones(dir.resolve("phones.conf"), "ws://127.0.0.1:8088/ws", pbx);
        Monitoring monitoring = monitoring(phones);

        assertThatThrownBy(() -> monitoring.monitor(3, 7, MonitorMode.LISTEN)).hasMessageContaining("agent 7's line is not up");
        pbx.channels.put("dialer-agent-7-1", "PJSIP/agent1001-00000001");
        assertThatThrownBy(() -> monitoring.monitor(3, 7, MonitorMode.LISTEN)).hasMessageContaining("open your browser phone first");
        assertThat(audit).isEmpty();
    }

    @Test
    void theSimulatedPbxHasNoAudioToListenTo() {
        Monitoring monitoring = new Monitoring(Optional.empty(), Optional.empty(), (action, target, details) -> audit.add(action));

        assertThatThrownBy(() -> monitoring.monitor(3, 7, MonitorMode.BARGE)).hasMessageContaining("needs Asterisk");
        assertThat(audit).isEmpty();
    }
}
