package org.opendialer.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.user.Role;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Personal API tokens in {@code api_tokens}. A token is {@value #PREFIX} and 256 random bits; only its
 * SHA-256 is stored (a secret that random needs no slow hash), so it is shown once, when it is made. A token
 * acts as its user with the user's role of the moment; a revoked or expired token, or one whose user is
 * disabled, opens nothing.
 */
public class ApiTokens {

    static final String PREFIX = "odt_";
    /** last_used_at is written at most this often per token, so a busy script does not write on every call. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final DialerClock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(JdbcTemplate jdbc, DialerClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token as listed: never with its secret. */
    public record ApiToken(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** A token just made, with the secret the user must copy now. */
    public record NewToken(long id, String name, String token, Instant createdAt, Instant expiresAt) {
    }

    /** Who a token signs in as. */
    public record Holder(long tokenId, String username, Role role) {
    }

    public NewToken create(long userId, String name, Instant expiresAt) {
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 128) {
            throw new InvalidRequestException("name", "1-128 characters saying where the token is used");
        }
        Instant now = clock.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidRequestException("expiresAt", "must be in the future");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update("INSERT INTO api_tokens (user_id, name, secret_sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                userId, label, sha256(token), Timestamp.from(now), expiresAt == null ? null : Timestamp.from(expiresAt));
        long id = jdbc.queryForObject("SELECT id FROM api_tokens WHERE secret_sha256 = ?", Long.class, sha256(token));
        return new NewToken(id, label, token, now, expiresAt);
    }

    public List<ApiToken> list(long userId) {
        return jdbc.query("SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id", TOKEN, userId);
    }

    /** Revokes one of the user's own tokens; revoking it again changes nothing. */
    public ApiToken revoke(long userId, long tokenId) {
        jdbc.update("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.now()), tokenId, userId);
        return jdbc.query("SELECT * FROM api_tokens WHERE id = ? AND user_id = ?", TOKEN, tokenId, userId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("you have no API token with id " + tokenId));
    }

    /** The holder of a valid token, noting that it was used; empty for a token that opens nothing. */
    public Optional<Holder> holder(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.now();
        Timestamp at = Timestamp.from(now);
        Optional<Holder> holder = jdbc.query("SELECT t.id, u.username, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id "
                        + "WHERE t.secret_sha256 = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) AND u.enabled = TRUE",
                (rs, row) -> new Holder(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))), sha256(token), at)
                .stream().findFirst();
        holder.ifPresent(h -> jdbc.update("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                at, h.tokenId(), Timestamp.from(now.minus(USE_RESOLUTION))));
        return holder;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<ApiToken> TOKEN = (rs, row) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("last_used_at")),
            instant(rs.getTimestamp("revoked_at")));
}
