package org.opendialer.service.softphone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opendialer.service.web.ConflictException;

/**
 * The browser phones on Asterisk: one PJSIP endpoint per user who opened one, written into the include file
 * Asterisk reads ({@code pjsip_dialer_phones.conf}, from the shipped templates of {@code pjsip_webrtc.conf}), and
 * Asterisk told to reload it. A user's password is made once per dialer process and kept in memory only; the file
 * is written again whenever a phone is added, so after a restart each phone gets a new password when its page
 * asks. Thread-safe.
 */
public final class BrowserPhones {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final String websocketUrl;
    private final Pbx pbx;
    private final Map<Long, BrowserPhone> phones = new TreeMap<>();

    /**
     * @param file         the include file Asterisk reads ({@code dialer.softphone.pjsip-file})
     * @param websocketUrl where browsers reach Asterisk's WebSocket ({@code dialer.softphone.websocket-url})
     */
    public BrowserPhones(Path file, String websocketUrl, Pbx pbx) {
        this.file = file;
        this.websocketUrl = websocketUrl;
        this.pbx = pbx;
    }

    /** The user's browser phone, made (and Asterisk reloaded) the first time it is asked for. */
    public synchronized BrowserPhone phoneOf(long userId) {
        BrowserPhone known = phones.get(userId);
        if (known != null) {
            return known;
        }
        BrowserPhone phone = new BrowserPhone(userId, BrowserPhone.endpointOf(userId), HexFormat.of().formatHex(bytes(18)),
                websocketUrl, domainOf(websocketUrl));
        phones.put(userId, phone);
        try {
            write();
            pbx.reloadPhones();
        } catch (RuntimeException e) {
            phones.remove(userId);
            throw e;
        }
        return phone;
    }

    /** The phone made for {@code userId} so far, if any. */
    public synchronized Optional<BrowserPhone> made(long userId) {
        return Optional.ofNullable(phones.get(userId));
    }

    private void write() {
        StringBuilder text = new StringBuilder("; Written by the dialer: one browser phone per user who opened one (see pjsip_webrtc.conf).\n"
                + "; Do not edit: the dialer writes this file again when a phone is added.\n");
        for (BrowserPhone phone : phones.values()) {
            String name = phone.endpoint();
            text.append('\n')
                    .append('[').append(name).append("](dialer-webrtc)\n")
                    .append("auth = ").append(name).append('\n')
                    .append("aors = ").append(name).append('\n')
                    .append("callerid = Dialer <").append(phone.userId()).append(">\n")
                    .append('[').append(name).append("](dialer-webrtc-auth)\n")
                    .append("username = ").append(name).append('\n')
                    .append("password = ").append(phone.password()).append('\n')
                    .append('[').append(name).append("](dialer-webrtc-aor)\n");
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".pjsip_dialer_phones", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ConflictException("cannot write the browser phones' file " + file + " (dialer.softphone.pjsip-file): " + e.getMessage());
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String domainOf(String websocketUrl) {
        try {
            String host = java.net.URI.create(websocketUrl).getHost();
            return host == null ? "dialer.invalid" : host;
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("dialer.softphone.websocket-url '" + websocketUrl + "' is not a URL, e.g. ws://127.0.0.1:8088/ws"));
        }
    }
}
