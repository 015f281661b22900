package org.opendialer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendialer.service.lead.RecordingProperties;
import org.opendialer.service.leadimport.ImportProperties;
import org.opendialer.service.security.AccountProperties;
import org.opendialer.service.softphone.SoftphoneProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings read as typed values answer to the names the README documents, with the same defaults. */
class SettingNamesTest {

    private static <T> T bind(Map<String, String> settings, String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate(prefix, type);
    }

    @Test
    void unsetSettingsKeepTheirDefaults() {
        Map<String, String> none = Map.of();

        ImportProperties imports = bind(none, "dialer", ImportProperties.class);
        assertThat(imports.data().dir()).isEqualTo(Path.of("data"));
        assertThat(imports.uploads().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(bind(none, "dialer.recordings", RecordingProperties.class).dir()).isEqualTo(Path.of("data/recordings"));
        AccountProperties accounts = bind(none, "dialer", AccountProperties.class);
        assertThat(accounts.allowDemoPasswords()).isFalse();
        assertThat(accounts.admin().password()).isEmpty();
        assertThat(bind(none, "dialer.softphone", SoftphoneProperties.class).transfers()).isEmpty();
    }

    @Test
    void eachSettingIsReadUnderItsDocumentedName() {
        Map<String, String> set = Map.of("dialer.data.dir", "/srv/dialer", "dialer.uploads.retention", "12h",
                "dialer.recordings.dir", "/mnt/recordings", "dialer.allow-demo-passwords", "true",
                "dialer.admin.password", "s3cret-enough", "dialer.softphone.pjsip-file", "/etc/asterisk/phones.conf",
                "dialer.softphone.websocket-url", "ws://127.0.0.1:8088/ws",
                "dialer.softphone.transfer-numbers", "+14155550100, +442079460000");

        ImportProperties imports = bind(set, "dialer", ImportProperties.class);
        assertThat(imports.data().dir()).isEqualTo(Path.of("/srv/dialer"));
        assertThat(imports.uploads().retention()).isEqualTo(Duration.ofHours(12));
        assertThat(bind(set, "dialer.recordings", RecordingProperties.class).dir()).isEqualTo(Path.of("/mnt/recordings"));
        AccountProperties accounts = bind(set, "dialer", AccountProperties.class);
        assertThat(accounts.allowDemoPasswords()).isTrue();
        assertThat(accounts.admin().password()).isEqualTo("s3cret-enough");
        assertThat(accounts.admin().toString()).doesNotContain("s3cret");
        SoftphoneProperties softphone = bind(set, "dialer.softphone", SoftphoneProperties.class);
        assertThat(softphone.pjsipFile()).isEqualTo("/etc/asterisk/phones.conf");
        assertThat(softphone.websocketUrl()).isEqualTo("ws://127.0.0.1:8088/ws");
        assertThat(softphone.transfers()).containsExactly("+14155550100", "+442079460000");
    }

    @Test
    void aBadValueIsRefusedNamingItsSetting() {
        assertThatThrownBy(() -> bind(Map.of("dialer.uploads.retention", "-1d"), "dialer", ImportProperties.class))
                .hasStackTraceContaining("dialer.uploads.retention must not be negative");
        assertThatThrownBy(() -> bind(Map.of("dialer.softphone.transfer-numbers", "555-0100"), "dialer.softphone",
                SoftphoneProperties.class))
                .hasStackTraceContaining("dialer.softphone.transfer-numbers: '555-0100' is not an E.164 number");
    }
}
