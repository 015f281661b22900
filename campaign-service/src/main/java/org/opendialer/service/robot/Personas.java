package org.opendialer.service.robot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opendialer.speech.robot.Persona;

/** The simulated callees robot calls meet on the simulated PBX: every {@code *.yaml} in a directory. */
public final class Personas {

    private Personas() {
    }

    public static List<Persona> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no persona directory " + dir.toAbsolutePath()
                    + ": robot calls on the simulated PBX need simulated callees (scripts/personas/*.yaml); set dialer.personas");
        }
        List<Persona> personas = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                personas.add(Persona.load(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return personas;
    }
}
