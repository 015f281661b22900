package org.opendialer.service.dialing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.opendialer.engine.compliance.AmdAudit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a campaign's AMD audit counts across days ({@code amd_audit_counts}): a run starts from what earlier runs
 * counted and writes its totals back (every ten minutes and when it pauses or stops), so the false-machine share's
 * interval narrows from day to day instead of starting wide every morning. One instance runs a campaign at a
 * time, so the totals it writes are the campaign's.
 */
public final class AmdAuditMemory {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final long campaignId;

    public AmdAuditMemory(JdbcTemplate jdbc, TransactionTemplate tx, long campaignId) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.campaignId = campaignId;
    }

    /** What the campaign's earlier runs counted ({@link AmdAudit.Counts#NONE} before its first). */
    public AmdAudit.Counts stored() {
        List<AmdAudit.Counts> rows = jdbc.query("SELECT machine_verdicts, person_verdicts, audits, audited_people "
                        + "FROM amd_audit_counts WHERE campaign_id = ?",
                (rs, row) -> new AmdAudit.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), campaignId);
        return rows.isEmpty() ? AmdAudit.Counts.NONE : rows.get(0);
    }

    /** Stores the audit's totals (earlier days' included); nothing is written while nothing was ever counted. */
    public void save(AmdAudit.Counts totals, Instant now) {
        if (totals.equals(AmdAudit.Counts.NONE)) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        tx.executeWithoutResult(status -> {
            int updated = jdbc.update("UPDATE amd_audit_counts SET machine_verdicts = ?, person_verdicts = ?, audits = ?, "
                            + "audited_people = ?, updated_at = ? WHERE campaign_id = ?", totals.machineVerdicts(),
                    totals.personVerdicts(), totals.audits(), totals.auditedPeople(), at, campaignId);
            if (updated == 0) {
                jdbc.update("INSERT INTO amd_audit_counts (campaign_id, machine_verdicts, person_verdicts, audits, audited_people, "
                                + "updated_at) VALUES (?, ?, ?, ?, ?, ?)", campaignId, totals.machineVerdicts(),
                        totals.personVerdicts(), totals.audits(), totals.auditedPeople(), at);
            }
        });
    }
}
