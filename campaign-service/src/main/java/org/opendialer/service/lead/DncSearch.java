package org.opendialer.service.lead;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendialer.service.web.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Reading the do-not-call lists: a search by digits of the number (or the reason) within the global list or a
 * campaign's, newest first, and the whole list as CSV (with a byte-order mark, so Excel reads a Chinese reason).
 */
@RestController
public class DncSearch {

    private final JdbcTemplate jdbc;

    public DncSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/dnc")
    public List<Map<String, Object>> search(@RequestParam(required = false) String q, @RequestParam(required = false) Long campaignId,
                                            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "between 1 and 1000");
        }
        if (campaignId != null && campaignId < 0) {
            throw new InvalidRequestException("campaignId", "0 for the global list or a campaign's id");
        }
        if (q != null && q.length() > 64) {
            throw new InvalidRequestException("q", "at most 64 characters");
        }
        StringBuilder sql = new StringBuilder("SELECT id, phone_e164, scope_campaign_id, source, reason, created_at FROM dnc_numbers WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (campaignId != null) {
            sql.append(" AND scope_campaign_id = ?");
            args.add(campaignId);
        }
        String text = q == null ? "" : q.trim();
        if (!text.isEmpty()) {
            String digits = text.replaceAll("[^0-9]", "");
            sql.append(" AND (").append(digits.isEmpty() ? "" : "phone_e164 LIKE ? OR ").append("reason LIKE ?)");
            if (!digits.isEmpty()) {
                args.add("%" + digits + "%");
            }
            args.add("%" + text.replace("%", "").replace("_", "") + "%");
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.queryForList(sql.toString(), args.toArray());
    }

    @GetMapping("/api/dnc/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Long campaignId) {
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            w.write("phone,campaign_id,source,reason,created_at\r\n");
            String where = campaignId == null ? "" : " WHERE scope_campaign_id = " + campaignId.longValue();
            jdbc.query("SELECT phone_e164, scope_campaign_id, source, reason, created_at FROM dnc_numbers" + where + " ORDER BY id", rs -> {
                try {
                    w.write(rs.getString(1) + "," + rs.getLong(2) + "," + csv(rs.getString(3)) + "," + csv(rs.getString(4)) + ","
                            + rs.getTimestamp(5).toInstant() + "\r\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            w.flush();
        };
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dnc.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    /** A CSV field, quoted when it must be, and never read by a spreadsheet as a formula. */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return v.matches(".*[\",\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
