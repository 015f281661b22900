package org.opendialer.reports.ranking;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.opendialer.reports.LeadFilter;
import org.opendialer.reports.export.BucketSort;
import org.opendialer.reports.export.TableWriter;
import org.opendialer.reports.lost.LostStatus;

/**
 * The lead-ranking reports: every lead by interest (highest score first, with grade and reason), and the
 * win-back list (lost customers by recovery potential, then those at risk).
 */
public final class LeadReports {

    public static final List<String> LEAD_COLUMNS = List.of("rank", "lead_id", "grade", "score", "why", "phone", "first_name",
            "last_name", "company", "email", "attempts", "conversations", "longest_talk_s", "last_disposition", "intents",
            "customer_status", "lead_status", "location");
    public static final List<String> LOST_COLUMNS = List.of("rank", "lead_id", "lost_status", "since", "why", "recovery_potential",
            "grade", "score", "phone", "first_name", "last_name", "company", "customer_since", "last_purchase", "churned_at",
            "customer_status_imported", "location");

    private final LeadStream stream;
    private final String language;

    public LeadReports(LeadStream stream) {
        this(stream, "en");
    }

    /** Reports whose numbers' locations (号码归属地) are worded in {@code language}. */
    public LeadReports(LeadStream stream, String language) {
        this.stream = stream;
        this.language = language;
    }

    /** Writes the ranked leads; returns how many leads of each grade there are. */
    public Map<Grade, Long> leads(long campaignId, TableWriter out) throws IOException, SQLException {
        return leads(campaignId, LeadFilter.ALL, out);
    }

    /** Writes the ranked leads the filter accepts; returns how many of them there are of each grade. */
    public Map<Grade, Long> leads(long campaignId, LeadFilter filter, TableWriter out) throws IOException, SQLException {
        Map<Grade, Long> grades = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            grades.put(g, 0L);
        }
        try (BucketSort sort = new BucketSort(101)) {
            stream.forEach(campaignId, lead -> {
                if (!filter.accepts(lead.interest().grade(), lead.lost().status())) {
                    return;
                }
                grades.merge(lead.interest().grade(), 1L, Long::sum);
                LeadEvidence e = lead.evidence();
                List<Object> row = new ArrayList<>(LEAD_COLUMNS.size());
                row.add(0L);
                row.add(lead.leadId());
                row.add(lead.interest().grade().name());
                row.add((long) lead.interest().score());
                row.add(lead.interest().reason());
                row.add(lead.phone());
                row.add(lead.firstName());
                row.add(lead.lastName());
                row.add(lead.company());
                row.add(lead.email());
                row.add((long) e.attempts());
                row.add((long) e.conversations());
                row.add((long) e.longestTalkSeconds());
                row.add(lead.lastDisposition());
                row.add(e.intents().isEmpty() ? null : String.join(" ", new TreeSet<>(e.intents())));
                row.add(lead.lost().status().name());
                row.add(lead.status());
                row.add(org.opendialer.reports.location.PhoneLocations.of(lead.phone(), language));
                sort.add(lead.interest().score(), row);
            });
            write(sort, LEAD_COLUMNS, out);
        }
        return grades;
    }

    /** Writes lost customers by recovery potential, then customers at risk; returns how many of each status there are. */
    public Map<LostStatus, Long> lostCustomers(long campaignId, TableWriter out) throws IOException, SQLException {
        return lostCustomers(campaignId, LeadFilter.ALL, out);
    }

    /** As {@link #lostCustomers(long, TableWriter)}, of the leads the filter accepts. */
    public Map<LostStatus, Long> lostCustomers(long campaignId, LeadFilter filter, TableWriter out) throws IOException, SQLException {
        Map<LostStatus, Long> counts = new EnumMap<>(LostStatus.class);
        for (LostStatus s : LostStatus.values()) {
            counts.put(s, 0L);
        }
        try (BucketSort sort = new BucketSort(202)) {
            stream.forEach(campaignId, lead -> {
                if (!filter.accepts(lead.interest().grade(), lead.lost().status())) {
                    return;
                }
                counts.merge(lead.lost().status(), 1L, Long::sum);
                if (lead.lost().status() != LostStatus.LOST && lead.lost().status() != LostStatus.AT_RISK) {
                    return;
                }
                List<Object> row = new ArrayList<>(LOST_COLUMNS.size());
                row.add(0L);
                row.add(lead.leadId());
                row.add(lead.lost().status().name());
                row.add(lead.lost().since() == null ? null : lead.lost().since().toString());
                row.add(lead.lost().reason());
                row.add((long) lead.lost().recoveryPotential());
                row.add(lead.interest().grade().name());
                row.add((long) lead.interest().score());
                row.add(lead.phone());
                row.add(lead.firstName());
                row.add(lead.lastName());
                row.add(lead.company());
                row.add(lead.customerSince());
                row.add(lead.lastPurchase());
                row.add(lead.churnedAt());
                row.add(lead.customerStatus());
                row.add(org.opendialer.reports.location.PhoneLocations.of(lead.phone(), language));
                sort.add(lead.lost().status() == LostStatus.LOST ? 101 + lead.lost().recoveryPotential() : 0, row);
            });
            write(sort, LOST_COLUMNS, out);
        }
        return counts;
    }

    private static void write(BucketSort sort, List<String> columns, TableWriter out) throws IOException {
        out.header(columns);
        long[] rank = {0};
        sort.drainTo(new TableWriter() {
            @Override
            public void header(List<String> c) {
            }

            @Override
            public void row(List<?> values) throws IOException {
                List<Object> ranked = new ArrayList<>(values);
                ranked.set(0, ++rank[0]);
                out.row(ranked);
            }

            @Override
            public void close() {
            }
        });
    }
}
