package org.opendialer.service.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.db.Transactions;
import org.opendialer.service.web.ConflictException;
import org.opendialer.service.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Campaigns in the {@code campaigns} table. Edits are optimistic: a stale {@code rowVersion} is refused. */
public class CampaignRepository {

    private static final String COLUMNS = "id, name, status, status_reason, dialing_mode, mode_factor, script_id, caller_id, "
            + "telephony, default_region, window_days, window_start, window_end, holidays, max_attempts, "
            + "max_attempts_per_day, retry_busy_s, retry_no_answer_s, retry_machine_s, retry_abandoned_s, retry_failed_s, "
            + "abandon_target, abandon_window, connect_timeout_ms, ring_timeout_s, amd_enabled, amd_action, recording, "
            + "lead_order, expected_talk_s, expected_live_rate, robot_ports, trunk_lines, report_zone, scheduled_start, "
            + "scheduled_stop, grading_weights, amd_false_machine_share, amd_audit_share, row_version";

    private final JdbcTemplate jdbc;
    private final DialerClock clock;
    private final TransactionTemplate tx;

    public CampaignRepository(JdbcTemplate jdbc, DialerClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = Transactions.over(jdbc);
    }

    /** Stores a new campaign with all its settings, or nothing at all. */
    public Campaign create(Campaign c) {
        return tx.execute(status -> insert(c));
    }

    private Campaign insert(Campaign c) {
        Timestamp now = Timestamp.from(clock.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update(connection -> {
                var ps = connection.prepareStatement("INSERT INTO campaigns (name, status, created_at, updated_at) VALUES (?, ?, ?, ?)",
                        new String[] {"id"});
                ps.setString(1, c.name());
                ps.setString(2, CampaignStatus.DRAFT.name());
                ps.setTimestamp(3, now);
                ps.setTimestamp(4, now);
                return ps;
            }, keys);
        } catch (DuplicateKeyException e) {
            throw new org.opendialer.service.web.InvalidRequestException("name", "a campaign named '" + c.name() + "' already exists");
        }
        long id = keys.getKey().longValue();
        writeSettings(id, c, 0);
        return get(id);
    }

    /** Stores {@code c}'s settings if nobody changed the campaign since {@code c.rowVersion()} was read. */
    public Campaign update(Campaign c) {
        try {
            if (writeSettings(c.id(), c, c.rowVersion()) == 0) {
                throw new ConflictException("campaign " + c.id() + " was changed by someone else; reload it and edit again");
            }
        } catch (DuplicateKeyException e) {
            throw new org.opendialer.service.web.InvalidRequestException("name", "a campaign named '" + c.name() + "' already exists");
        }
        return get(c.id());
    }

    private int writeSettings(long id, Campaign c, int expectedVersion) {
        RetryDelays r = c.retry();
        return jdbc.update("UPDATE campaigns SET name = ?, dialing_mode = ?, mode_factor = ?, script_id = ?, caller_id = ?, "
                        + "telephony = ?, default_region = ?, window_days = ?, window_start = ?, window_end = ?, holidays = ?, "
                        + "max_attempts = ?, max_attempts_per_day = ?, retry_busy_s = ?, retry_no_answer_s = ?, "
                        + "retry_machine_s = ?, retry_abandoned_s = ?, retry_failed_s = ?, abandon_target = ?, abandon_window = ?, "
                        + "connect_timeout_ms = ?, ring_timeout_s = ?, amd_enabled = ?, amd_action = ?, recording = ?, "
                        + "lead_order = ?, expected_talk_s = ?, expected_live_rate = ?, robot_ports = ?, trunk_lines = ?, "
                        + "report_zone = ?, scheduled_start = ?, scheduled_stop = ?, grading_weights = ?, "
                        + "amd_false_machine_share = ?, amd_audit_share = ?, updated_at = ?, "
                        + "row_version = row_version + 1 "
                        + "WHERE id = ? AND row_version = ?",
                c.name(), c.mode().name(), c.pacing().modeFactor(), c.robot().scriptId(), c.line().callerId(), c.line().telephony().name(), c.line().defaultRegion(),
                c.window().daysText(), Time.valueOf(c.window().start()), Time.valueOf(c.window().end()),
                c.window().holidaysText(), c.limits().maxAttempts(), c.limits().maxAttemptsPerDay(), r.busy().toSeconds(),
                r.noAnswer().toSeconds(), r.machine().toSeconds(), r.abandoned().toSeconds(), r.failed().toSeconds(),
                c.abandon().target().share(), c.abandon().window().code(), c.abandon().connectTimeoutMs(), c.line().ringTimeoutSeconds(), c.amd().enabled(),
                Campaign.storedAction(c.amd().action()), c.line().recording(), c.limits().leadOrder().name(), c.pacing().expectedTalkSeconds(),
                c.pacing().expectedLiveRate(), c.robot().robotPorts(), c.pacing().trunkLines(), c.reportZone().getId(), timestamp(c.schedule().start()),
                timestamp(c.schedule().stop()), c.gradingWeights(), c.amd().falseMachineShare(), c.amd().auditShare(),
                Timestamp.from(clock.now()), id, expectedVersion);
    }

    /** Moves the campaign to {@code next} if the lifecycle allows it from its current status. */
    public Campaign moveTo(long id, CampaignStatus next, String reason) {
        Campaign current = get(id);
        if (current.status() == next) {
            setStatus(id, next, reason);
            return get(id);
        }
        if (!current.status().canMoveTo(next)) {
            throw new ConflictException("campaign '" + current.name() + "' is " + current.status()
                    + " and cannot become " + next);
        }
        setStatus(id, next, reason);
        return get(id);
    }

    public void setStatus(long id, CampaignStatus status, String reason) {
        jdbc.update("UPDATE campaigns SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?",
                status.name(), reason, Timestamp.from(clock.now()), id);
    }

    public Campaign get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("no campaign with id " + id));
    }

    public Optional<Campaign> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM campaigns WHERE id = ?", MAPPER, id).stream().findFirst();
    }

    /** True when a talk track with this id exists, so a campaign may name it. */
    public boolean scriptExists(long scriptId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM scripts WHERE id = ?", Long.class, scriptId);
        return n != null && n > 0;
    }

    /** By id when {@code idOrName} is a number, otherwise by name. */
    public Optional<Campaign> find(String idOrName) {
        if (idOrName.matches("\\d{1,18}")) {
            Optional<Campaign> byId = find(Long.parseLong(idOrName));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM campaigns WHERE name = ?", MAPPER, idOrName).stream().findFirst();
    }

    public List<Campaign> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM campaigns ORDER BY id", MAPPER);
    }

    /** Every campaign's stored status by id: one cheap read, for instances following each other's changes. */
    public Map<Long, CampaignStatus> statuses() {
        Map<Long, CampaignStatus> statuses = new HashMap<>();
        jdbc.query("SELECT id, status FROM campaigns", rs -> {
            statuses.put(rs.getLong(1), CampaignStatus.valueOf(rs.getString(2)));
        });
        return statuses;
    }

    public List<Campaign> withStatus(CampaignStatus status) {
        return jdbc.query("SELECT " + COLUMNS + " FROM campaigns WHERE status = ? ORDER BY id", MAPPER, status.name());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static final RowMapper<Campaign> MAPPER = (rs, row) -> new Campaign(
            rs.getLong("id"), rs.getString("name"), CampaignStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
            new Pacing(DialingMode.valueOf(rs.getString("dialing_mode")), rs.getDouble("mode_factor"), rs.getInt("expected_talk_s"),
                    rs.getDouble("expected_live_rate"), rs.getInt("trunk_lines")),
            new CallerLine(rs.getString("caller_id"), TelephonyType.parse(rs.getString("telephony")), rs.getString("default_region"),
                    rs.getInt("ring_timeout_s"), rs.getBoolean("recording")),
            CallingWindow.parse(rs.getString("window_days"), rs.getTime("window_start").toLocalTime(),
                    rs.getTime("window_end").toLocalTime(), rs.getString("holidays")),
            new AttemptLimits(rs.getInt("max_attempts"), rs.getInt("max_attempts_per_day"), LeadOrder.valueOf(rs.getString("lead_order"))),
            new RetryDelays(Duration.ofSeconds(rs.getLong("retry_busy_s")), Duration.ofSeconds(rs.getLong("retry_no_answer_s")),
                    Duration.ofSeconds(rs.getLong("retry_machine_s")), Duration.ofSeconds(rs.getLong("retry_abandoned_s")),
                    Duration.ofSeconds(rs.getLong("retry_failed_s"))),
            new AbandonRules(new AbandonTarget(rs.getDouble("abandon_target")), AbandonWindow.parse(rs.getString("abandon_window")), rs.getInt("connect_timeout_ms")),
            new AmdSettings(rs.getBoolean("amd_enabled"), Campaign.machineAction(rs.getString("amd_action")), amdFalseMachineShare(rs),
                    rs.getDouble("amd_audit_share")),
            new RobotSettings((Long) rs.getObject("script_id", Long.class), rs.getInt("robot_ports")),
            ZoneId.of(rs.getString("report_zone")), new CampaignSchedule(instant(rs, "scheduled_start"), instant(rs, "scheduled_stop")),
            rs.getString("grading_weights"), rs.getInt("row_version"));

    private static Double amdFalseMachineShare(java.sql.ResultSet rs) throws java.sql.SQLException {
        double share = rs.getDouble("amd_false_machine_share");
        return rs.wasNull() ? null : share;
    }
}
