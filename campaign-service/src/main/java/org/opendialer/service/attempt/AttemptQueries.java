package org.opendialer.service.attempt;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.opendialer.engine.call.AttemptId;
import org.opendialer.engine.call.CampaignId;
import org.opendialer.engine.call.LeadId;
import org.opendialer.engine.call.PhoneNumber;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the other features ask about attempts: one attempt, a lead's attempts, who handled them, a day's counts. */
public class AttemptQueries {

    /** A condition on leads aliased {@code l}: the agent (the one parameter) took a call of that lead. */
    public static final String LEAD_L_HANDLED_BY_AGENT = "EXISTS (SELECT 1 FROM call_attempts a WHERE a.lead_id = l.id AND a.agent_id = ?)";

    private final JdbcTemplate jdbc;

    public AttemptQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One attempt as the API shows it. */
    public Optional<Map<String, Object>> summary(long attemptId) {
        return jdbc.queryForList("SELECT id, campaign_id, lead_id, attempt_no, state, result, abandoned, "
                + "agent_id, placed_at, answered_at, ended_at, talk_s, disposition_code, notes, recording_path "
                + "FROM call_attempts WHERE id = ?", attemptId).stream().findFirst();
    }

    /** The lead an attempt called (id, first and last name), as the supervisor's floor shows it. */
    public Optional<Map<String, Object>> leadCalled(long attemptId) {
        return jdbc.queryForList("SELECT l.id, l.first_name, l.last_name FROM call_attempts a JOIN leads l ON l.id = a.lead_id "
                + "WHERE a.id = ?", attemptId).stream().findFirst();
    }

    /** The agent stored as having taken an attempt of the campaign, if any. */
    public Optional<Long> agentOf(long attemptId, long campaignId) {
        return Optional.ofNullable(jdbc.query("SELECT agent_id FROM call_attempts WHERE id = ? AND campaign_id = ?",
                rs -> rs.next() ? rs.getObject(1, Long.class) : null, attemptId, campaignId));
    }

    /** Every attempt on a lead, oldest first. */
    public List<Map<String, Object>> ofLead(long leadId) {
        return jdbc.queryForList("SELECT id, attempt_no, state, result, abandoned, agent_id, placed_at, answered_at, "
                + "ended_at, talk_s, disposition_code, notes, recording_path FROM call_attempts WHERE lead_id = ? ORDER BY id", leadId);
    }

    /** Every stored column of one attempt; fails when there is none. */
    public Map<String, Object> stored(AttemptId attempt) {
        return jdbc.queryForMap("SELECT campaign_id, lead_id, phone_e164, state, placed_at, ringing_at, "
                + "answered_at, bridged_at, agent_id, server_name, channel, unique_id, amd_status, amd_cause, recording_path, "
                + "abandoned FROM call_attempts WHERE id = ?", attempt.value());
    }

    public boolean handledBy(long attemptId, long agentId) {
        return count("SELECT COUNT(*) FROM call_attempts WHERE id = ? AND agent_id = ?", attemptId, agentId) > 0;
    }

    /** Whether the agent ever talked to the lead. */
    public boolean leadHandledBy(long leadId, long agentId) {
        return count("SELECT COUNT(*) FROM call_attempts WHERE lead_id = ? AND agent_id = ?", leadId, agentId) > 0;
    }

    /** What a disposition needs to know of the attempt it is given to. */
    public record ToDispose(AttemptId attempt, CampaignId campaign, LeadId lead, PhoneNumber phone, Long agentId) {
    }

    public Optional<ToDispose> toDispose(long attemptId) {
        return jdbc.queryForList("SELECT campaign_id, lead_id, phone_e164, agent_id FROM call_attempts WHERE id = ?", attemptId)
                .stream().findFirst().map(row -> new ToDispose(new AttemptId(attemptId),
                        new CampaignId(((Number) row.get("campaign_id")).longValue()),
                        new LeadId(((Number) row.get("lead_id")).longValue()), new PhoneNumber((String) row.get("phone_e164")),
                        row.get("agent_id") == null ? null : ((Number) row.get("agent_id")).longValue()));
    }

    /** Each answered-by-a-person attempt since {@code since}: when it was answered and whether it was abandoned. */
    public void humanAnswersSince(CampaignId campaign, Instant since, BiConsumer<Instant, Boolean> answer) {
        jdbc.query("SELECT answered_at, abandoned FROM call_attempts WHERE campaign_id = ? AND result = 'HUMAN' "
                + "AND answered_at >= ?", rs -> {
                    answer.accept(rs.getTimestamp(1).toInstant(), rs.getBoolean(2));
                }, campaign.value(), Timestamp.from(since));
    }

    /** A campaign's attempts placed in [{@code from}, {@code to}) counted by result, with their abandons and talk time. */
    public DayCounts countsPlaced(long campaignId, Instant from, Instant to) {
        Map<String, Object> s = jdbc.queryForMap("SELECT COUNT(*) AS attempts, "
                + "COALESCE(SUM(CASE WHEN result = 'HUMAN' THEN 1 ELSE 0 END), 0) AS human, "
                + "COALESCE(SUM(CASE WHEN result = 'MACHINE' THEN 1 ELSE 0 END), 0) AS machine, "
                + "COALESCE(SUM(CASE WHEN result = 'BUSY' THEN 1 ELSE 0 END), 0) AS busy, "
                + "COALESCE(SUM(CASE WHEN result = 'NO_ANSWER' THEN 1 ELSE 0 END), 0) AS no_answer, "
                + "COALESCE(SUM(CASE WHEN result IN ('FAILED','CONGESTION','REJECTED','INVALID_NUMBER') THEN 1 ELSE 0 END), 0) AS failed, "
                + "COALESCE(SUM(CASE WHEN abandoned THEN 1 ELSE 0 END), 0) AS abandoned, "
                + "COALESCE(SUM(talk_s), 0) AS talk_s FROM call_attempts WHERE campaign_id = ? AND placed_at >= ? AND placed_at < ?",
                campaignId, Timestamp.from(from), Timestamp.from(to));
        return new DayCounts(n(s, "attempts"), n(s, "human"), n(s, "machine"), n(s, "busy"), n(s, "no_answer"), n(s, "failed"),
                n(s, "abandoned"), ((Number) s.get("talk_s")).longValue());
    }

    public record DayCounts(int attempts, int human, int machine, int busy, int noAnswer, int failed, int abandoned, long talkSeconds) {
    }

    /**
     * Which recorded attempts to list; every filter may be null.
     *
     * @param agent              the agent's username
     * @param from               placed at or after
     * @param to                 placed before
     * @param resultOrDisposition a call result or a disposition code
     * @param grade              the lead's interest grade
     */
    public record Recorded(Long campaignId, String agent, Instant from, Instant to, String resultOrDisposition, String grade,
                           int limit) {
    }

    /** Recorded attempts, newest first, with their lead's name, number and grade and their agent. */
    public List<Map<String, Object>> recorded(Recorded filter) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.campaign_id, a.lead_id, a.placed_at, a.talk_s, a.result, a.disposition_code, "
                + "u.username AS agent, u.display_name AS agent_name, l.first_name, l.last_name, l.phone_e164, l.interest_grade, l.time_zone "
                + "FROM call_attempts a JOIN leads l ON l.id = a.lead_id LEFT JOIN users u ON u.id = a.agent_id "
                + "WHERE a.recording_path IS NOT NULL AND a.recording_path <> ''");
        List<Object> args = new ArrayList<>();
        if (filter.campaignId() != null) {
            sql.append(" AND a.campaign_id = ?");
            args.add(filter.campaignId());
        }
        if (filter.agent() != null) {
            sql.append(" AND u.username = ?");
            args.add(filter.agent());
        }
        if (filter.from() != null) {
            sql.append(" AND a.placed_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND a.placed_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.resultOrDisposition() != null) {
            sql.append(" AND (a.result = ? OR a.disposition_code = ?)");
            args.add(filter.resultOrDisposition());
            args.add(filter.resultOrDisposition());
        }
        if (filter.grade() != null) {
            sql.append(" AND l.interest_grade = ?");
            args.add(filter.grade());
        }
        sql.append(" ORDER BY a.placed_at DESC LIMIT ?");
        args.add(filter.limit());
        return jdbc.queryForList(sql.toString(), args.toArray());
    }

    private static int n(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).intValue();
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
