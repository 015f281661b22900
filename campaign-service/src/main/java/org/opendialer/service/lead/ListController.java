package org.opendialer.service.lead;

import java.util.List;
import java.util.Map;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import java.sql.Timestamp;
import org.opendialer.service.web.Problems;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's lead lists (one per import) with their counts; a list switched off is not dialled; a list's finished
 * leads can be recycled by how their last call ended.
 */
@RestController
public class ListController {

    private final JdbcTemplate jdbc;
    private final org.opendialer.engine.clock.DialerClock clock;

    public ListController(JdbcTemplate jdbc, org.opendialer.engine.clock.DialerClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a finished lead's last call may have ended in: a call result or an agent's disposition. */
    public static final List<String> RECYCLABLE = List.of("NO_ANSWER", "BUSY", "MACHINE", "FAILED", "CONGESTION", "REJECTED",
            "NOT_INTERESTED", "NO_DECISION", "CALLBACK", "INTERESTED", "WRONG_NUMBER");

    @GetMapping("/api/campaigns/{id}/lists")
    public List<Map<String, Object>> lists(@PathVariable long id) {
        return jdbc.queryForList("SELECT l.id, l.name, l.source_file, l.active, l.created_at, "
                + "(SELECT COUNT(*) FROM leads x WHERE x.list_id = l.id) AS leads, "
                + "(SELECT COUNT(*) FROM leads x WHERE x.list_id = l.id AND x.status IN " + LeadStatus.CALLABLE_SQL + ") AS callable, "
                + "(SELECT COUNT(*) FROM leads x WHERE x.list_id = l.id AND x.status IN ('DONE','EXHAUSTED')) AS finished, "
                + "(SELECT COUNT(*) FROM leads x WHERE x.list_id = l.id AND x.status = 'DNC') AS dnc "
                + "FROM lead_lists l WHERE l.campaign_id = ? ORDER BY l.id", id);
    }

    /** Which finished leads a recycle would take back: their last call ended in one of {@code results}. */
    public record Recycle(List<String> results) {
    }

    /**
     * Puts a list's finished leads (done or out of attempts) whose last call ended in one of the given results or
     * dispositions back to new, with their attempt counts cleared, so the campaign dials them again. Leads on a
     * do-not-call list are never taken back.
     */
    @PostMapping("/api/lists/{id}/recycle")
    public Map<String, Object> recycle(@PathVariable long id, @RequestBody Recycle body) {
        if (body == null || body.results() == null || body.results().isEmpty()) {
            throw new InvalidRequestException("results", "choose at least one of " + RECYCLABLE);
        }
        List<String> results = body.results().stream().map(r -> r == null ? "" : r.trim().toUpperCase()).distinct().toList();
        for (int i = 0; i < results.size(); i++) {
            if (!RECYCLABLE.contains(results.get(i))) {
                throw new InvalidRequestException("results[" + i + "]", Problems.quote(body.results().get(i)) + " is not one of " + RECYCLABLE);
            }
        }
        if (jdbc.queryForObject("SELECT COUNT(*) FROM lead_lists WHERE id = ?", Long.class, id) == 0) {
            throw new NotFoundException("no lead list with id " + id);
        }
        String in = String.join(",", java.util.Collections.nCopies(results.size(), "?"));
        List<Object> args = new java.util.ArrayList<>(List.of(Timestamp.from(clock.now()), id));
        args.addAll(results);
        args.addAll(results);
        int recycled = jdbc.update("UPDATE leads SET status = 'NEW', attempt_count = 0, attempts_today = 0, next_attempt_at = NULL, "
                + "updated_at = ? WHERE list_id = ? AND status IN ('DONE','EXHAUSTED') AND (last_result IN (" + in + ") "
                + "OR last_disposition IN (" + in + "))", args.toArray());
        return Map.of("listId", id, "results", results, "recycled", recycled);
    }

    /** {@code {"active": false}} stops dialling the list's leads at once (the hopper skips them); true resumes. */
    @PutMapping("/api/lists/{id}")
    public Map<String, Object> activate(@PathVariable long id, @RequestBody Map<String, Object> body) {
        Object active = body == null ? null : body.get("active");
        if (!(active instanceof Boolean on)) {
            throw new InvalidRequestException("active", "true or false");
        }
        if (jdbc.update("UPDATE lead_lists SET active = ? WHERE id = ?", on, id) == 0) {
            throw new NotFoundException("no lead list with id " + id);
        }
        return jdbc.queryForMap("SELECT id, name, active FROM lead_lists WHERE id = ?", id);
    }
}
