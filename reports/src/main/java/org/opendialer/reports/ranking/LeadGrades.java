package org.opendialer.reports.ranking;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * Stores every lead's interest score, grade and reason and its customer status on the lead itself
 * ({@code leads.interest_*}, {@code leads.lost_*}), so lists, screen pops and filters can use them without
 * ranking again. Run nightly and on demand; batched, one lead's row at a time in memory.
 */
public final class LeadGrades {

    private final DataSource dataSource;
    private final LeadStream stream;

    public LeadGrades(DataSource dataSource, LeadStream stream) {
        this.dataSource = dataSource;
        this.stream = stream;
    }

    /**
     * Grading with a campaign's own weights ({@code campaigns.grading_weights}, blank for the defaults), the
     * standard customer-status rules, and {@code today} in the campaign's zone.
     */
    public static LeadGrades forCampaign(DataSource dataSource, String weights, java.time.LocalDate today) {
        GradingWeights w = weights == null || weights.isBlank() ? GradingWeights.DEFAULT : GradingWeights.parse(weights);
        return new LeadGrades(dataSource, new LeadStream(dataSource, new InterestScorer(w),
                org.opendialer.reports.lost.LostCustomerRules.standard(), today));
    }

    /** Grades every lead of the campaign; returns how many were stored. */
    public long persist(long campaignId) throws SQLException {
        return persist(campaignId, null);
    }

    /** Grades one lead again (after a call); true when it was found. */
    public boolean persistLead(long campaignId, long leadId) throws SQLException {
        return persist(campaignId, leadId) == 1;
    }

    private long persist(long campaignId, Long onlyLead) throws SQLException {
        long[] stored = {0};
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE leads SET interest_score = ?, interest_grade = ?, grade_reason = ?, "
                     + "lost_status = ?, lost_since = ?, lost_reason = ? WHERE id = ?")) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                java.util.function.Consumer<RankedLead> store = lead -> {
                    try {
                        update.setInt(1, lead.interest().score());
                        update.setString(2, lead.interest().grade().name());
                        update.setString(3, truncate(lead.interest().reason(), 1024));
                        update.setString(4, lead.lost().status().name());
                        if (lead.lost().since() == null) {
                            update.setNull(5, Types.DATE);
                        } else {
                            update.setDate(5, Date.valueOf(lead.lost().since()));
                        }
                        update.setString(6, truncate(lead.lost().reason(), 512));
                        update.setLong(7, lead.leadId());
                        update.addBatch();
                        if (++stored[0] % 1000 == 0) {
                            update.executeBatch();
                            c.commit();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not store the grade of lead " + lead.leadId() + ": " + e.getMessage(), e);
                    }
                };
                if (onlyLead == null) {
                    stream.forEach(campaignId, store);
                } else {
                    stream.forLead(campaignId, onlyLead, store);
                }
                update.executeBatch();
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        return stored[0];
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
