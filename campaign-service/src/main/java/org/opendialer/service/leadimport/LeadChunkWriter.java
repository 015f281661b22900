package org.opendialer.service.leadimport;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores one chunk in the chunk's transaction: new leads inserted, leads already in the campaign skipped
 * or updated per the dedupe policy, duplicates within the file and numbers on a DNC list rejected with
 * their reason, and the job's counters moved on. Because all of it commits with the reader's position,
 * a restart neither loses nor repeats a row.
 */
final class LeadChunkWriter implements ItemWriter<RowOutcome> {

    private final JdbcTemplate jdbc;
    private final long importJobId;
    private final long campaignId;
    private final Long listId;
    private final boolean update;
    private final boolean dncList;

    LeadChunkWriter(JdbcTemplate jdbc, long importJobId, long campaignId, Long listId, boolean update, boolean dncList) {
        this.jdbc = jdbc;
        this.importJobId = importJobId;
        this.campaignId = campaignId;
        this.listId = listId;
        this.update = update;
        this.dncList = dncList;
    }

    @Override
    public void write(Chunk<? extends RowOutcome> chunk) {
        List<RowOutcome.Rejected> rejected = new ArrayList<>();
        Map<String, RowOutcome.LeadRow> fresh = new LinkedHashMap<>();
        for (RowOutcome outcome : chunk) {
            if (outcome instanceof RowOutcome.Rejected r) {
                rejected.add(r);
            } else if (outcome instanceof RowOutcome.LeadRow lead) {
                RowOutcome.LeadRow earlier = fresh.putIfAbsent(lead.phone(), lead);
                if (earlier != null) {
                    rejected.add(duplicate(lead, "same number as row " + earlier.rowNo() + " of this file"));
                }
            }
        }
        long imported = 0;
        long updated = 0;
        long duplicates = rejected.stream().filter(r -> r.code().equals("DUPLICATE")).count();
        long dnc = 0;
        if (!fresh.isEmpty()) {
            if (dncList) {
                imported = storeDnc(fresh, rejected);
                duplicates = rejected.stream().filter(r -> r.code().equals("DUPLICATE")).count();
            } else {
                Set<String> onDnc = onDncList(fresh.keySet());
                for (String phone : onDnc) {
                    RowOutcome.LeadRow lead = fresh.remove(phone);
                    rejected.add(new RowOutcome.Rejected(lead.rowNo(), "phone", "DNC", "number " + phone + " is on a do-not-call list", lead.raw()));
                    dnc++;
                }
                Map<String, long[]> existing = existing(fresh.keySet());
                List<RowOutcome.LeadRow> inserts = new ArrayList<>();
                List<RowOutcome.LeadRow> updates = new ArrayList<>();
                for (RowOutcome.LeadRow lead : fresh.values()) {
                    long[] known = existing.get(lead.phone());
                    if (known == null) {
                        inserts.add(lead);
                    } else if (known[0] == importJobId) {
                        rejected.add(duplicate(lead, "same number as row " + known[1] + " of this file"));
                        duplicates++;
                    } else if (update) {
                        updates.add(lead);
                    } else {
                        rejected.add(duplicate(lead, "number " + lead.phone() + " is already a lead of this campaign"));
                        duplicates++;
                    }
                }
                insert(inserts);
                update(updates);
                imported = inserts.size();
                updated = updates.size();
            }
        }
        storeRejections(rejected);
        jdbc.update("UPDATE import_jobs SET rows_read = rows_read + ?, rows_imported = rows_imported + ?, "
                        + "rows_updated = rows_updated + ?, rows_duplicate = rows_duplicate + ?, rows_dnc = rows_dnc + ?, "
                        + "rows_rejected = rows_rejected + ?, status = 'RUNNING' WHERE id = ?",
                chunk.size(), imported, updated, duplicates, dnc, rejected.size(), importJobId);
    }

    private static RowOutcome.Rejected duplicate(RowOutcome.LeadRow lead, String reason) {
        return new RowOutcome.Rejected(lead.rowNo(), "phone", "DUPLICATE", reason, lead.raw());
    }

    private String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private Set<String> onDncList(Set<String> phones) {
        List<Object> args = new ArrayList<>(phones);
        args.add(campaignId);
        return new HashSet<>(jdbc.queryForList("SELECT phone_e164 FROM dnc_numbers WHERE phone_e164 IN ("
                + placeholders(phones.size()) + ") AND scope_campaign_id IN (0, ?)", String.class, args.toArray()));
    }

    private Map<String, long[]> existing(Set<String> phones) {
        Map<String, long[]> found = new HashMap<>();
        if (phones.isEmpty()) {
            return found;
        }
        List<Object> args = new ArrayList<>();
        args.add(campaignId);
        args.addAll(phones);
        jdbc.query("SELECT phone_e164, import_job_id, import_row FROM leads WHERE campaign_id = ? AND phone_e164 IN ("
                + placeholders(phones.size()) + ")", rs -> {
                    found.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, args.toArray());
        return found;
    }

    private void insert(List<RowOutcome.LeadRow> leads) {
        Timestamp now = Timestamp.from(Instant.now());
        if (leads.isEmpty()) {
            return;
        }
        boolean bulk = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            if (!BulkLeadLoad.available(connection)) {
                return false;
            }
            // whole milliseconds, as DATETIME(3) stores them: more digits would be cut, with a warning
            BulkLeadLoad.load(connection, campaignId, listId, importJobId, new Timestamp(now.getTime()).toString(), leads);
            return true;
        }));
        if (bulk) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO leads (" + BulkLeadLoad.COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?)",
                leads.stream().map(l -> new Object[] {campaignId, listId, l.phone(), l.phoneType(), l.altPhones(), l.region(),
                        l.timeZone(), l.firstName(), l.lastName(), l.email(), l.company(), l.attributesJson(),
                        sqlDate(l.customerSince()), sqlDate(l.lastPurchase()), sqlDate(l.churnedAt()), l.customerStatus(),
                        importJobId, l.rowNo(), now, now}).collect(Collectors.toList()));
    }

    private void update(List<RowOutcome.LeadRow> leads) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("UPDATE leads SET list_id = ?, phone_type = ?, alt_phones = ?, region = ?, time_zone = ?, "
                        + "first_name = ?, last_name = ?, email = ?, company = ?, attributes = ?, customer_since = ?, "
                        + "last_purchase = ?, churned_at = ?, customer_status = ?, import_job_id = ?, import_row = ?, "
                        + "updated_at = ? WHERE campaign_id = ? AND phone_e164 = ?",
                leads.stream().map(l -> new Object[] {listId, l.phoneType(), l.altPhones(), l.region(), l.timeZone(),
                        l.firstName(), l.lastName(), l.email(), l.company(), l.attributesJson(), sqlDate(l.customerSince()),
                        sqlDate(l.lastPurchase()), sqlDate(l.churnedAt()), l.customerStatus(), importJobId, l.rowNo(), now,
                        campaignId, l.phone()}).collect(Collectors.toList()));
    }

    private long storeDnc(Map<String, RowOutcome.LeadRow> numbers, List<RowOutcome.Rejected> rejected) {
        List<Object> args = new ArrayList<>(numbers.keySet());
        args.add(campaignId);
        Set<String> known = new HashSet<>(jdbc.queryForList("SELECT phone_e164 FROM dnc_numbers WHERE phone_e164 IN ("
                + placeholders(numbers.size()) + ") AND scope_campaign_id = ?", String.class, args.toArray()));
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> inserts = new ArrayList<>();
        for (RowOutcome.LeadRow row : numbers.values()) {
            if (known.contains(row.phone())) {
                rejected.add(duplicate(row, "number " + row.phone() + " is already on this do-not-call list"));
            } else {
                inserts.add(new Object[] {row.phone(), campaignId, "IMPORT", "import job " + importJobId + " row " + row.rowNo(), now});
            }
        }
        jdbc.batchUpdate("INSERT INTO dnc_numbers (phone_e164, scope_campaign_id, source, reason, created_at) VALUES (?, ?, ?, ?, ?)",
                inserts);
        return inserts.size();
    }

    private void storeRejections(List<RowOutcome.Rejected> rejected) {
        jdbc.batchUpdate("INSERT INTO import_row_errors (import_job_id, row_no, field_name, reason_code, reason, raw_text) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                rejected.stream().map(r -> new Object[] {importJobId, r.rowNo(), LeadLimits.clip(r.field(), 128), r.code(),
                        LeadLimits.clip(r.reason(), 512), LeadLimits.clip(r.raw(), LeadLimits.MAX_RAW_TEXT)})
                        .collect(Collectors.toList()));
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
