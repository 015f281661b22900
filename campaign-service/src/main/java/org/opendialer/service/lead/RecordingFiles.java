package org.opendialer.service.lead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The recordings folder, where the PBX's recordings are mounted. The path stored on an attempt is data,
 * not a command: it names a file only when, with {@code ..} and symbolic links resolved, it is a regular
 * audio file inside this folder. Anything else ({@code ../../etc/passwd}, an absolute path elsewhere, a
 * link pointing out, a config file) is simply not a recording.
 */
public final class RecordingFiles {

    /** The audio types Asterisk records in, with the type the browser is told. */
    private static final Map<String, String> AUDIO = Map.of(
            "wav", "audio/wav", "wav49", "audio/wav", "gsm", "audio/x-gsm", "mp3", "audio/mpeg", "ogg", "audio/ogg",
            "sln", "audio/x-sln", "sln16", "audio/x-sln", "ulaw", "audio/basic", "alaw", "audio/x-alaw-basic", "g722", "audio/G722");

    private final Path folder;

    public RecordingFiles(Path folder) {
        this.folder = folder;
    }

    /** A recording that may be played: its real path and content type. */
    public record Recording(Path file, String contentType) {
    }

    /** The recording {@code stored} names, when it is an audio file inside the folder; relative paths are under it. */
    public Optional<Recording> find(String stored) {
        if (stored == null || stored.isBlank() || stored.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            Path root = folder.toRealPath();
            Path named = Path.of(stored.trim());
            Path candidate = (named.isAbsolute() ? named : root.resolve(named)).normalize();
            if (!candidate.startsWith(root) && !candidate.startsWith(folder.toAbsolutePath().normalize())) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(root) || real.equals(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    || !Files.isReadable(real)) {
                return Optional.empty();
            }
            String name = real.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String type = dot < 0 ? null : AUDIO.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
            return Optional.ofNullable(type).map(t -> new Recording(real, t));
        } catch (IOException | InvalidPathException e) {
            // no folder, no file, or a name this file system cannot have: not a recording either way
            return Optional.empty();
        }
    }
}
