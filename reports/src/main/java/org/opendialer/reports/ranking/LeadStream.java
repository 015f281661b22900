package org.opendialer.reports.ranking;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.opendialer.reports.lost.CustomerHistory;
import org.opendialer.reports.lost.LostCustomerRules;

/**
 * Streams a campaign's leads in id order with everything known about each: the leads query and one
 * aggregate query per kind of evidence (attempts, dispositions, robot turns, intents, callbacks), each
 * ordered by lead id and merged as they are read, so a million leads need no more memory than one lead.
 * Each query runs on its own connection with a streaming fetch (MySQL/MariaDB need that to not buffer
 * whole result sets): it holds six connections of the pool while it runs.
 */
public final class LeadStream {

    private final DataSource dataSource;
    private final InterestScorer scorer;
    private final LostCustomerRules lostRules;
    private final LocalDate today;

    public LeadStream(DataSource dataSource, InterestScorer scorer, LostCustomerRules lostRules, LocalDate today) {
        this.dataSource = dataSource;
        this.scorer = scorer;
        this.lostRules = lostRules;
        this.today = today;
    }

    public void forEach(long campaignId, Consumer<RankedLead> sink) throws SQLException {
        forEach(campaignId, 0, Long.MAX_VALUE, sink);
    }

    /** The one lead {@code leadId} of the campaign, e.g. to grade it again right after a call. */
    public void forLead(long campaignId, long leadId, Consumer<RankedLead> sink) throws SQLException {
        forEach(campaignId, leadId, leadId, sink);
    }

    /** An agent's grade, set on the screen pop with a reason, stands over the computed one; the score stays as computed. */
    static InterestScore agentGraded(InterestScore computed, String agentGrade, String reason) {
        if (agentGrade == null || agentGrade.isBlank()) {
            return computed;
        }
        return new InterestScore(computed.score(), Grade.valueOf(agentGrade.trim()), "agent: " + (reason == null ? "" : reason));
    }

    private void forEach(long campaignId, long fromLead, long toLead, Consumer<RankedLead> sink) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            Sorted leads = open(connections, "SELECT id, phone_e164, first_name, last_name, company, email, status, last_disposition, "
                    + "customer_since, last_purchase, churned_at, customer_status, agent_grade, agent_grade_reason FROM leads WHERE campaign_id = ? AND id BETWEEN ? AND ? ORDER BY id", campaignId, fromLead, toLead);
            Sorted attempts = open(connections, "SELECT lead_id, COUNT(*), "
                    + "SUM(CASE WHEN talk_s > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN talk_s >= 30 THEN 1 ELSE 0 END), "
                    + "COALESCE(MAX(talk_s), 0), COALESCE(SUM(talk_s), 0) FROM call_attempts WHERE campaign_id = ? "
                    + "AND lead_id BETWEEN ? AND ? GROUP BY lead_id ORDER BY lead_id", campaignId, fromLead, toLead);
            Sorted dispositions = open(connections, "SELECT DISTINCT lead_id, disposition_code FROM call_attempts "
                    + "WHERE campaign_id = ? AND lead_id BETWEEN ? AND ? AND disposition_code IS NOT NULL ORDER BY lead_id", campaignId,
                    fromLead, toLead);
            Sorted turns = open(connections, "SELECT t.lead_id, COALESCE(SUM(t.points), 0), "
                    + "SUM(CASE WHEN t.is_question THEN 1 ELSE 0 END), COUNT(*), "
                    + "SUM(CASE WHEN t.transcript IS NOT NULL AND t.transcript <> '' THEN 1 ELSE 0 END), MAX(t.started_at) "
                    + "FROM conversation_turns t JOIN leads l ON l.id = t.lead_id WHERE l.campaign_id = ? "
                    + "AND t.lead_id BETWEEN ? AND ? GROUP BY t.lead_id ORDER BY t.lead_id", campaignId, fromLead, toLead);
            Sorted intents = open(connections, "SELECT DISTINCT t.lead_id, t.intent FROM conversation_turns t "
                    + "JOIN leads l ON l.id = t.lead_id WHERE l.campaign_id = ? AND t.lead_id BETWEEN ? AND ? AND t.intent IS NOT NULL "
                    + "ORDER BY t.lead_id", campaignId, fromLead, toLead);
            Sorted callbacks = open(connections, "SELECT lead_id, COUNT(*) FROM callbacks WHERE campaign_id = ? "
                    + "AND lead_id BETWEEN ? AND ? GROUP BY lead_id ORDER BY lead_id", campaignId, fromLead, toLead);
            while (leads.next()) {
                ResultSet l = leads.rs;
                long id = l.getLong(1);
                int made = 0;
                int conversations = 0;
                int engaged = 0;
                int longest = 0;
                int total = 0;
                if (attempts.at(id)) {
                    made = attempts.rs.getInt(2);
                    conversations = attempts.rs.getInt(3);
                    engaged = attempts.rs.getInt(4);
                    longest = attempts.rs.getInt(5);
                    total = attempts.rs.getInt(6);
                }
                Set<String> codes = dispositions.collect(id, 2);
                Set<String> said = intents.collect(id, 2);
                int points = 0;
                int questions = 0;
                int turnCount = 0;
                int answered = 0;
                LocalDate saidOn = null;
                if (turns.at(id)) {
                    points = turns.rs.getInt(2);
                    questions = turns.rs.getInt(3);
                    turnCount = turns.rs.getInt(4);
                    answered = turns.rs.getInt(5);
                    java.sql.Timestamp last = turns.rs.getTimestamp(6);
                    saidOn = last == null ? null : last.toLocalDateTime().toLocalDate();
                }
                int booked = callbacks.at(id) ? callbacks.rs.getInt(2) : 0;
                String status = l.getString(7);
                LeadEvidence evidence = new LeadEvidence(made, conversations, engaged, longest, total, codes, said, points,
                        questions, turnCount, answered, booked, "DNC".equals(status) || codes.contains("DO_NOT_CALL"));
                InterestScore interest = agentGraded(scorer.score(evidence), l.getString(13), l.getString(14));
                Date since = l.getDate(9);
                Date purchase = l.getDate(10);
                Date churned = l.getDate(11);
                CustomerHistory history = new CustomerHistory(local(since), local(purchase), local(churned), l.getString(12),
                        said, saidOn, interest.score());
                sink.accept(new RankedLead(id, l.getString(2), l.getString(3), l.getString(4), l.getString(5), l.getString(6),
                        status, l.getString(8), evidence, interest, lostRules.classify(history, today),
                        text(since), text(purchase), text(churned), l.getString(12)));
            }
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String text(Date date) {
        return date == null ? null : date.toLocalDate().toString();
    }

    private Sorted open(List<Connection> connections, String sql, long campaignId, long fromLead, long toLead) throws SQLException {
        Connection connection = dataSource.getConnection();
        connections.add(connection);
        boolean mysql = connection.getMetaData().getDatabaseProductName().toLowerCase().matches(".*(mysql|mariadb).*");
        if (mysql) {
            connection.setAutoCommit(true);
        }
        PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(mysql ? Integer.MIN_VALUE : 1000);
        ps.setLong(1, campaignId);
        ps.setLong(2, fromLead);
        ps.setLong(3, toLead);
        return new Sorted(ps.executeQuery());
    }

    /** A result set ordered by lead id in column 1, read in step with the leads. */
    private static final class Sorted {
        final ResultSet rs;
        private boolean valid;
        private boolean started;

        Sorted(ResultSet rs) {
            this.rs = rs;
        }

        boolean next() throws SQLException {
            valid = rs.next();
            started = true;
            return valid;
        }

        /** Moves to the row of {@code leadId} if there is one; true when positioned on it. */
        boolean at(long leadId) throws SQLException {
            if (!started) {
                next();
            }
            while (valid && rs.getLong(1) < leadId) {
                next();
            }
            return valid && rs.getLong(1) == leadId;
        }

        /** The values of column {@code column} over all rows of {@code leadId}. */
        Set<String> collect(long leadId, int column) throws SQLException {
            Set<String> values = new HashSet<>();
            while (at(leadId)) {
                values.add(rs.getString(column));
                next();
            }
            return values;
        }
    }
}
