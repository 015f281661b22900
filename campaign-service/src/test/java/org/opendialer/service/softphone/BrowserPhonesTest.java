package org.opendialer.service.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserPhonesTest {

    @TempDir
    Path dir;

    private final RecordingPbx pbx = new RecordingPbx();

    @Test
    void aUsersFirstPhoneIsWrittenFromTheShippedTemplatesAndAsteriskReloadsIt() throws Exception {
        Path file = dir.resolve("pjsip_dialer_phones.conf");
        BrowserPhones phones = new BrowserPhones(file, "ws://127.0.0.1:8088/ws", pbx);

        BrowserPhone phone = phones.phoneOf(7);

        assertThat(phone.endpoint()).isEqualTo("webrtc-7");
        assertThat(phone.dialString()).isEqualTo("PJSIP/webrtc-7");
        assertThat(phone.sipDomain()).isEqualTo("127.0.0.1");
        assertThat(phone.password()).hasSize(36).matches("[0-9a-f]+");
        String text = Files.readString(file);
        assertThat(text).contains("[webrtc-7](dialer-webrtc)\nauth = webrtc-7\naors = webrtc-7\n",
                "[webrtc-7](dialer-webrtc-auth)\nusername = webrtc-7\npassword = " + phone.password() + "\n",
                "[webrtc-7](dialer-webrtc-aor)\n");
        assertThat(pbx.requests).containsExactly("reload res_pjsip.so");
    }

    @Test
    void askingAgainGivesTheSamePhoneWithoutTouchingAsteriskAndANewUserKeepsTheOthers() throws Exception {
        Path file = dir.resolve("pjsip_dialer_phones.conf");
        BrowserPhones phones = new BrowserPhones(file, "wss://pbx.example.com/ws", pbx);
        BrowserPhone first = phones.phoneOf(7);

        assertThat(phones.phoneOf(7)).isEqualTo(first);
        assertThat(pbx.requests).hasSize(1);

        BrowserPhone second = phones.phoneOf(12);
        assertThat(second.password()).isNotEqualTo(first.password());
        assertThat(Files.readString(file)).contains("[webrtc-7](dialer-webrtc)", "[webrtc-12](dialer-webrtc)", first.password());
        assertThat(pbx.requests).hasSize(2);
        assertThat(phones.made(12)).contains(second);
        assertThat(phones.made(99)).isEmpty();
    }

    @Test
    void aPhoneAsteriskCouldNotReloadIsNotHandedOut() {
        BrowserPhones phones = new BrowserPhones(dir.resolve("pjsip_dialer_phones.conf"), "ws://127.0.0.1:8088/ws", pbx);
        pbx.refusal = "Asterisk pbx1 refused ModuleLoad: permission denied";

        assertThatThrownBy(() -> phones.phoneOf(7)).hasMessageContaining("permission denied");
        assertThat(phones.made(7)).isEmpty();
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedWithItsSetting() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        BrowserPhones phones = new BrowserPhones(notAFolder.resolve("pjsip_dialer_phones.conf"), "ws://127.0.0.1:8088/ws", pbx);

        assertThatThrownBy(() -> phones.phoneOf(7)).hasMessageContaining("dialer.softphone.pjsip-file");
        assertThat(pbx.requests).isEmpty();
    }
}
