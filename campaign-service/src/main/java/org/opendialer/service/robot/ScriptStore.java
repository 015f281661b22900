package org.opendialer.service.robot;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.speech.script.InvalidScriptException;
import org.opendialer.speech.script.TalkTrack;
import org.opendialer.speech.script.TalkTrackLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/** Talk tracks in {@code scripts} / {@code script_versions}: each upload is validated and becomes the script's next version. */
public class ScriptStore {

    public record StoredScript(long id, String name, int version) {
    }

    private final JdbcTemplate jdbc;
    private final DialerClock clock;

    public ScriptStore(JdbcTemplate jdbc, DialerClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Validates {@code yaml} and stores it as a new version of the script it names; 400 with one error per problem, by node. */
    public StoredScript save(String yaml) {
        TalkTrack track;
        try {
            track = TalkTrackLoader.parse("script", yaml);
        } catch (InvalidScriptException e) {
            throw new InvalidRequestException(e.problems().stream().map(p -> new FieldError(p.node(), p.problem())).toList());
        }
        Timestamp now = Timestamp.from(clock.now());
        List<Long> ids = jdbc.queryForList("SELECT id FROM scripts WHERE name = ?", Long.class, track.name());
        long id;
        if (ids.isEmpty()) {
            jdbc.update("INSERT INTO scripts (name, created_at) VALUES (?, ?)", track.name(), now);
            id = jdbc.queryForObject("SELECT id FROM scripts WHERE name = ?", Long.class, track.name());
        } else {
            id = ids.get(0);
        }
        int version = jdbc.queryForObject("SELECT current_version FROM scripts WHERE id = ?", Integer.class, id) + 1;
        jdbc.update("INSERT INTO script_versions (script_id, version_no, body, created_at) VALUES (?, ?, ?, ?)", id, version, yaml, now);
        jdbc.update("UPDATE scripts SET current_version = ? WHERE id = ?", version, id);
        return new StoredScript(id, track.name(), version);
    }

    /** Every script at its current version, newest first. */
    public List<StoredScript> list() {
        return jdbc.query("SELECT id, name, current_version FROM scripts ORDER BY id DESC",
                (rs, n) -> new StoredScript(rs.getLong("id"), rs.getString("name"), rs.getInt("current_version")));
    }

    public Optional<String> body(long scriptId) {
        return jdbc.query("SELECT v.body FROM script_versions v JOIN scripts s ON s.id = v.script_id AND v.version_no = s.current_version "
                + "WHERE s.id = ?", (rs, row) -> rs.getString(1), scriptId).stream().findFirst();
    }

    /** The campaign's talk track, if it has one. */
    public Optional<TalkTrack> forCampaign(long campaignId) {
        Long script = jdbc.queryForObject("SELECT script_id FROM campaigns WHERE id = ?", Long.class, campaignId);
        return script == null ? Optional.empty() : body(script).map(b -> TalkTrackLoader.parse("script " + script, b));
    }
}
