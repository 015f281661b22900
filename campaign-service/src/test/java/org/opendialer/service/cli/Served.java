package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A server started for one test class on its own in-memory database, with the administrator's API client. */
final class Served implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final int port;
    final Api admin;
    final JdbcTemplate jdbc;

    private Served(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        this.admin = new Api(port);
        this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    }

    static Served start(String name) {
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:" + name + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0");
        return new Served(serve.start());
    }

    /** A user whose password is {@code <name>-password}. */
    long user(String name, String role) {
        Api.Reply created = admin.post("/api/users", "{\"username\": \"" + name + "\", \"password\": \"" + name
                + "-password\", \"role\": \"" + role + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    Api as(String name) {
        return new Api(port, name, name + "-password");
    }

    long campaign(String name) {
        Api.Reply created = admin.post("/api/campaigns", "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    long lead(long campaign, String phone, String status) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO leads (campaign_id, phone_e164, time_zone, status, created_at, updated_at) VALUES (?, ?, 'UTC', ?, ?, ?)",
                campaign, phone, status, now, now);
        return jdbc.queryForObject("SELECT id FROM leads WHERE phone_e164 = ? AND campaign_id = ?", Long.class, phone, campaign);
    }

    /** An ended call of {@code lead} taken by {@code agent}, waiting for its disposition. */
    long attempt(long campaign, long lead, long agent) {
        String phone = jdbc.queryForObject("SELECT phone_e164 FROM leads WHERE id = ?", String.class, lead);
        jdbc.update("INSERT INTO call_attempts (campaign_id, lead_id, phone_e164, attempt_no, dialing_mode, state, placed_at, agent_id) "
                + "VALUES (?, ?, ?, 1, 'PREDICTIVE', 'ENDED', ?, ?)", campaign, lead, phone, Timestamp.from(Instant.now()), agent);
        return jdbc.queryForObject("SELECT MAX(id) FROM call_attempts WHERE lead_id = ?", Long.class, lead);
    }

    /** What the write endpoints can change, in one comparable line: a refused request leaves it as it was. */
    String snapshot() {
        return String.join(" | ",
                jdbc.queryForList("SELECT CONCAT(id, ':', name, ':', row_version, ':', status) FROM campaigns ORDER BY id", String.class).toString(),
                jdbc.queryForList("SELECT CONCAT(id, ':', status, ':', COALESCE(last_disposition, '-')) FROM leads ORDER BY id", String.class).toString(),
                jdbc.queryForList("SELECT CONCAT(id, ':', COALESCE(disposition_code, '-'), ':', COALESCE(notes, '-')) FROM call_attempts ORDER BY id",
                        String.class).toString(),
                jdbc.queryForList("SELECT CONCAT(id, ':', status) FROM callbacks ORDER BY id", String.class).toString(),
                jdbc.queryForList("SELECT CONCAT(id, ':', username) FROM users ORDER BY id", String.class).toString(),
                jdbc.queryForList("SELECT CONCAT(scope_campaign_id, ':', code, ':', label) FROM dispositions ORDER BY id", String.class).toString(),
                jdbc.queryForList("SELECT CONCAT(phone_e164, ':', scope_campaign_id) FROM dnc_numbers ORDER BY id", String.class).toString());
    }

    @Override
    public void close() {
        context.close();
    }
}
