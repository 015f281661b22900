package org.opendialer.service.robot;

import java.util.Map;
import org.opendialer.service.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Talk tracks over REST: upload YAML (validated; 400 lists every problem with its node as the field) and read it back. */
@RestController
public class ScriptController {

    private final ScriptStore scripts;

    public ScriptController(ScriptStore scripts) {
        this.scripts = scripts;
    }

    @PostMapping(path = "/api/scripts", consumes = {"application/yaml", "text/yaml", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    public ScriptStore.StoredScript upload(@RequestBody String yaml) {
        return scripts.save(yaml);
    }

    @GetMapping("/api/scripts")
    public java.util.List<ScriptStore.StoredScript> list() {
        return scripts.list();
    }

    @GetMapping("/api/scripts/{id}")
    public Map<String, Object> get(@PathVariable long id) {
        return Map.of("id", id, "body", scripts.body(id).orElseThrow(() -> new NotFoundException("no script with id " + id)));
    }
}
