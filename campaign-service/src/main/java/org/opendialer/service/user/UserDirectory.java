package org.opendialer.service.user;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Users in the {@code users} table; passwords are kept as bcrypt hashes only. */
public class UserDirectory {

    private static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder();

    private final JdbcTemplate jdbc;
    private final DialerClock clock;

    public UserDirectory(JdbcTemplate jdbc, DialerClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UserAccount create(NewUser user) {
        List<FieldError> errors = new ArrayList<>();
        String username = user.username() == null ? "" : user.username().trim();
        if (!username.matches("[A-Za-z0-9._@-]{2,64}")) {
            errors.add(new FieldError("username", "2-64 letters, digits or . _ @ -"));
        }
        if (!strongEnough(user.password())) {
            errors.add(new FieldError("password", PASSWORD_RULE));
        }
        if (user.displayName() != null && user.displayName().trim().length() > 128) {
            errors.add(new FieldError("displayName", "at most 128 characters"));
        }
        if (user.locale() != null && !user.locale().matches("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?")) {
            errors.add(new FieldError("locale", "a language tag such as en, zh or zh-CN"));
        }
        Role role = null;
        try {
            role = role(user.role());
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        String endpoint = endpoint(user.phoneEndpoint(), errors);
        String skills = skills(user.skills(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        try {
            jdbc.update("INSERT INTO users (username, display_name, password_hash, role, skills, locale, phone_endpoint, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", username,
                    user.displayName() == null || user.displayName().isBlank() ? username : user.displayName().trim(),
                    PASSWORDS.encode(user.password()), role.name(), skills, user.locale() == null ? "en" : user.locale(), endpoint,
                    Timestamp.from(clock.now()));
        } catch (DuplicateKeyException e) {
            throw new InvalidRequestException("username", "'" + username + "' is taken");
        }
        return byUsername(username).orElseThrow();
    }

    /** Changes a user's display name, role or whether they may sign in; null fields stay. */
    public UserAccount update(long id, UserChange change) {
        UserAccount user = get(id);
        String name = change.displayName() == null ? user.displayName() : change.displayName().trim();
        if (name.isEmpty() || name.length() > 128) {
            throw new InvalidRequestException("displayName", "1-128 characters");
        }
        Role role = change.role() == null ? user.role() : role(change.role());
        boolean enabled = change.enabled() == null ? user.enabled() : change.enabled();
        List<FieldError> errors = new ArrayList<>();
        String skills = change.skills() == null ? String.join(",", user.skills()) : skills(change.skills(), errors);
        String endpoint = change.phoneEndpoint() == null ? user.phoneEndpoint() : endpoint(change.phoneEndpoint(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        jdbc.update("UPDATE users SET display_name = ?, role = ?, enabled = ?, skills = ?, phone_endpoint = ? WHERE id = ?",
                name, role.name(), enabled, skills, endpoint, id);
        return get(id);
    }

    /** An agent's phone as the PBX dials it ({@code PJSIP/agent1001}); blank means none. */
    private static String endpoint(String asked, List<FieldError> errors) {
        String endpoint = asked == null || asked.isBlank() ? null : asked.trim();
        if (endpoint != null && (endpoint.length() > 128 || !endpoint.matches("[A-Za-z0-9]+/[A-Za-z0-9._@:-]+"))) {
            errors.add(new FieldError("phoneEndpoint", "a channel such as PJSIP/agent1001, at most 128 characters"));
        }
        return endpoint;
    }

    /** Skills as stored: trimmed, blanks dropped, comma separated. */
    private static String skills(List<String> asked, List<FieldError> errors) {
        String skills = asked == null ? "" : asked.stream().filter(java.util.Objects::nonNull).map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(","));
        if (skills.length() > 255) {
            errors.add(new FieldError("skills", "at most 255 characters in all"));
        }
        if (skills.contains(",,") || asked != null && asked.stream().anyMatch(x -> x != null && x.contains(","))) {
            errors.add(new FieldError("skills", "one skill per entry, without commas"));
        }
        return skills;
    }

    /** Sets user {@code id}'s password: an administrator's reset. */
    public void resetPassword(long id, String password) {
        get(id);
        if (!strongEnough(password)) {
            throw new InvalidRequestException("password", PASSWORD_RULE);
        }
        jdbc.update("UPDATE users SET password_hash = ? WHERE id = ?", PASSWORDS.encode(password), id);
    }

    /** Sets a user's password without asking for the old one: for the administrator's reset at start-up. */
    public void setPassword(String username, String password) {
        if (!strongEnough(password)) {
            throw new InvalidRequestException("password", PASSWORD_RULE);
        }
        if (jdbc.update("UPDATE users SET password_hash = ? WHERE username = ?", PASSWORDS.encode(password), username) == 0) {
            throw new NotFoundException("no user named " + username);
        }
    }

    /** A role by name, as a request spells it. */
    public Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("role", "one of " + Arrays.toString(Role.values()));
        }
    }

    /** At least 8 characters, and at most the 72 bytes bcrypt reads (a longer one would be cut without a word). */
    static boolean strongEnough(String password) {
        return password != null && password.length() >= 8
                && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 72;
    }

    private static final String PASSWORD_RULE = "at least 8 characters and at most 72 bytes (72 letters or digits, fewer in other scripts)";

    public UserAccount get(long id) {
        return jdbc.query("SELECT * FROM users WHERE id = ?", MAPPER, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no user with id " + id));
    }

    public Optional<UserAccount> byUsername(String username) {
        return jdbc.query("SELECT * FROM users WHERE username = ?", MAPPER, username).stream().findFirst();
    }

    public List<UserAccount> list(Role role) {
        return role == null ? jdbc.query("SELECT * FROM users ORDER BY id", MAPPER)
                : jdbc.query("SELECT * FROM users WHERE role = ? ORDER BY id", MAPPER, role.name());
    }

    /** A user with the stored hash, for sign-in only. */
    public record Credentials(UserAccount account, String passwordHash) {
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.query("SELECT * FROM users WHERE username = ?", (rs, row) -> new Credentials(MAPPER.mapRow(rs, row),
                rs.getString("password_hash")), username).stream().findFirst();
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM users", Long.class);
        return n == null ? 0 : n;
    }

    /** True when {@code password} is the user's. */
    public boolean passwordMatches(String username, String password) {
        List<String> hashes = jdbc.queryForList("SELECT password_hash FROM users WHERE username = ? AND enabled = TRUE",
                String.class, username);
        return !hashes.isEmpty() && PASSWORDS.matches(password, hashes.get(0));
    }

    private static final RowMapper<UserAccount> MAPPER = (rs, row) -> {
        String skills = rs.getString("skills");
        Set<String> set = skills == null || skills.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(skills.split(",")));
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), set, rs.getString("phone_endpoint"), rs.getString("locale"),
                rs.getBoolean("enabled"));
    };
}
