package org.opendialer.speech.asr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Vosk model a jar carries (the model's Android archive, as published on Maven Central), unpacked once into
 * a cache folder on disk, where Vosk can read it. Several processes may start at once: one unpacks (holding a
 * file lock, into a temporary folder that is renamed when complete), the others wait for it and use the result.
 */
public final class VoskModelCache {

    /** The model archive inside the jar, and the folder in it that holds the model. */
    public static final String RESOURCE = "/vosk/vosk-model-en.aar";
    static final String MODEL_FOLDER = "assets/model-en-us/";
    private static final String COMPLETE = ".complete";
    /** Threads of one process take this first: a file lock is held per process, not per thread. */
    private static final Object PROCESS_LOCK = new Object();

    private VoskModelCache() {
    }

    /** The default cache: {@code DIALER_VOSK_CACHE}, else {@code ~/.cache/opendialer}. */
    public static Path defaultCache() {
        String configured = System.getProperty("dialer.vosk.cache", System.getenv("DIALER_VOSK_CACHE"));
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "opendialer");
    }

    /**
     * The model unpacked under {@code cache} (in a folder named {@code name}), unpacking it from {@code archive}
     * unless a complete copy is there already.
     */
    public static Path unpacked(Path cache, String name, Supplier<InputStream> archive) {
        Path target = cache.resolve(name);
        if (Files.exists(target.resolve(COMPLETE))) {
            return target;
        }
        synchronized (PROCESS_LOCK) {
            try {
                Files.createDirectories(cache);
                try (FileChannel lockFile = FileChannel.open(cache.resolve(name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock lock = lockFile.lock()) {
                    if (Files.exists(target.resolve(COMPLETE))) {
                        return target; // another process unpacked it while this one waited
                    }
                    Path partial = Files.createTempDirectory(cache, name + ".unpacking-");
                    int files = unzip(archive, partial);
                    if (files == 0) {
                        delete(partial);
                        throw new IllegalStateException("the model archive has no " + MODEL_FOLDER + " folder");
                    }
                    Files.createFile(partial.resolve(COMPLETE));
                    readableByAll(partial); // a temporary folder is private; the model is shared by every user's dialer
                    delete(target); // a copy left half-done by a process that died
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not unpack the Vosk model into " + target + ": " + e.getMessage(), e);
            }
        }
    }

    private static int unzip(Supplier<InputStream> archive, Path into) throws IOException {
        int files = 0;
        try (ZipInputStream zip = new ZipInputStream(archive.get())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().startsWith(MODEL_FOLDER) || entry.isDirectory()) {
                    continue;
                }
                Path file = into.resolve(entry.getName().substring(MODEL_FOLDER.length())).normalize();
                if (!file.startsWith(into)) {
                    throw new IOException("model archive entry " + entry.getName() + " points outside the model folder");
                }
                Files.createDirectories(file.getParent());
                Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
                files++;
            }
        }
        return files;
    }

    private static void readableByAll(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder inherits its parent's access
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
