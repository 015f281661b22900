package org.opendialer.service.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.opendialer.engine.call.PhoneNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The do-not-call lists: the global one (scope 0) and each campaign's own. Adding a number takes effect
 * at once: its leads are marked {@code DNC} in the same statement and every running hopper drops it, so
 * a callee who asked not to be called is not rung again even by a lead already claimed.
 */
public class DoNotCallList {

    public static final long GLOBAL = 0;

    private final JdbcTemplate jdbc;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public DoNotCallList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called with each E.164 number added, e.g. by hoppers to evict it. */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    /** Adds {@code phone} to the global list ({@code scope} 0) or a campaign's; true when it was not listed yet. */
    public boolean add(PhoneNumber phone, long scope, String source, String reason, Instant at) {
        boolean added;
        try {
            jdbc.update("INSERT INTO dnc_numbers (phone_e164, scope_campaign_id, source, reason, created_at) VALUES (?, ?, ?, ?, ?)",
                    phone.e164(), scope, source, reason, Timestamp.from(at));
            added = true;
        } catch (DuplicateKeyException e) {
            added = false;
        }
        if (scope == GLOBAL) {
            jdbc.update("UPDATE leads SET status = 'DNC', next_attempt_at = NULL, updated_at = ? WHERE phone_e164 = ? "
                    + "AND status <> 'DNC'", Timestamp.from(at), phone.e164());
        } else {
            jdbc.update("UPDATE leads SET status = 'DNC', next_attempt_at = NULL, updated_at = ? WHERE phone_e164 = ? "
                    + "AND campaign_id = ? AND status <> 'DNC'",
                    Timestamp.from(at), phone.e164(), scope);
        }
        listeners.forEach(l -> l.accept(phone.e164()));
        return added;
    }

    public boolean contains(PhoneNumber phone, long campaignId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM dnc_numbers WHERE phone_e164 = ? AND scope_campaign_id IN (0, ?)",
                Long.class, phone.e164(), campaignId);
        return n != null && n > 0;
    }

    public boolean remove(PhoneNumber phone, long scope) {
        return jdbc.update("DELETE FROM dnc_numbers WHERE phone_e164 = ? AND scope_campaign_id = ?", phone.e164(), scope) > 0;
    }
}
