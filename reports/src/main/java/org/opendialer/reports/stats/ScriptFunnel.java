package org.opendialer.reports.stats;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The talk track as a funnel: for each node, how many calls reached it, what the callees answered (intents)
 * and how many calls ended there. Nodes are listed in the order callees usually reach them.
 */
public final class ScriptFunnel {

    public record Node(String nodeId, long reached, Map<String, Long> answers, long endedHere) {
    }

    private final DataSource dataSource;

    public ScriptFunnel(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Node> compute(long campaignId, Instant from, Instant to) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Object[] args = {campaignId, Timestamp.from(from), Timestamp.from(to)};
        String scope = " FROM conversation_turns t JOIN call_attempts a ON a.id = t.attempt_id WHERE a.campaign_id = ? "
                + "AND a.placed_at >= ? AND a.placed_at < ?";
        Map<String, long[]> reached = new LinkedHashMap<>();
        jdbc.query("SELECT t.node_id, COUNT(DISTINCT t.attempt_id), AVG(t.turn_no)" + scope + " GROUP BY t.node_id ORDER BY 3, 1",
                rs -> {
                    reached.put(rs.getString(1), new long[] {rs.getLong(2)});
                }, args);
        Map<String, Map<String, Long>> answers = new TreeMap<>();
        jdbc.query("SELECT t.node_id, COALESCE(t.intent, 'NO_MATCH'), COUNT(*)" + scope + " GROUP BY t.node_id, COALESCE(t.intent, 'NO_MATCH')",
                rs -> {
                    answers.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                }, args);
        Map<String, Long> ended = new TreeMap<>();
        jdbc.query("SELECT t.node_id, COUNT(*)" + scope + " AND t.turn_no = (SELECT MAX(x.turn_no) FROM conversation_turns x "
                + "WHERE x.attempt_id = t.attempt_id) GROUP BY t.node_id", rs -> {
                    ended.put(rs.getString(1), rs.getLong(2));
                }, args);
        List<Node> nodes = new ArrayList<>();
        reached.forEach((node, n) -> nodes.add(new Node(node, n[0], answers.getOrDefault(node, Map.of()), ended.getOrDefault(node, 0L))));
        return nodes;
    }
}
