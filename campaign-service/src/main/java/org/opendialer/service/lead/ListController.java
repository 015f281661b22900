package org.opendialer.service.lead;

import java.util.List;
import java.util.Map;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's lead lists (one per import) with their counts; a list switched off is not dialled. */
@RestController
public class ListController {

    private final JdbcTemplate jdbc;

    public ListController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/campaigns/{id}/lists")
    public List<Map<String, Object>> lists(@PathVariable long id) {
        return jdbc.queryForList("SELECT l.id, l.name, l.source_file, l.active, l.created_at, "
                + "(SELECT COUNT(*) FROM leads x WHERE x.list_id = l.id) AS leads, "
                + "(SELECT COUNT(*) FROM leads x WHERE x.list_id = l.id AND x.status IN " + LeadStatus.CALLABLE_SQL + ") AS callable "
                + "FROM lead_lists l WHERE l.campaign_id = ? ORDER BY l.id", id);
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
