package org.opendialer.service.leadimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Where imports keep files, inside the dialer's own data folder rather than the shared system temp
 * folder: {@code uploads/} holds uploaded lists for as long as their import may be resumed, {@code tmp/}
 * the scratch copies an import makes (an XLSX sheet as CSV) and uploads being received. Folders are
 * owner-only ({@code rwx------}) and files owner-only ({@code rw-------}) where the file system has POSIX
 * permissions: lead lists are personal data. A scratch file carries its process id in its name, so the
 * ones a killed process left behind are known and removed at the next start.
 */
public record ImportFolders(Path uploads, Path scratch) {

    private static final String SCRATCH_PREFIX = "lead-import-";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    public ImportFolders {
        uploads = ownerOnlyFolder(uploads);
        scratch = ownerOnlyFolder(scratch);
    }

    /** {@code uploads/} and {@code tmp/} under {@code dataDir}. */
    public static ImportFolders under(Path dataDir) {
        return new ImportFolders(dataDir.resolve("uploads"), dataDir.resolve("tmp"));
    }

    /** The folders under {@code dialer.data.dir} (a system property), default {@code ./data}. */
    public static ImportFolders standard() {
        return under(Path.of(System.getProperty("dialer.data.dir", "data")));
    }

    /** A new empty scratch file of this process, owner-only. */
    Path newScratchFile(String suffix) {
        return newFile(scratch, SCRATCH_PREFIX + ProcessHandle.current().pid() + "-", suffix);
    }

    /** Stores an uploaded list under {@code uploads/}, owner-only; the name keeps the original file name readable. */
    public Path storeUpload(String originalName, InputStream content) throws IOException {
        String safe = originalName.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        Path stored = newFile(uploads, "import-", "-" + (safe.length() > 100 ? safe.substring(safe.length() - 100) : safe));
        try (OutputStream out = Files.newOutputStream(stored)) { // truncates, so the owner-only permissions stay
            content.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(stored);
            throw e;
        }
        return stored;
    }

    /**
     * Removes the scratch files of processes that are gone (killed mid-import), and partial uploads a
     * stopped server left behind; returns how many.
     */
    public int removeStaleScratchFiles(Instant now) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(scratch)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean stale;
                if (name.startsWith(SCRATCH_PREFIX)) {
                    String pid = name.substring(SCRATCH_PREFIX.length()).replaceAll("-.*", "");
                    stale = !pid.matches("\\d+") || ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
                } else {
                    stale = Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(Duration.ofHours(1)));
                }
                if (stale && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + scratch, e);
        }
        return removed;
    }

    static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // removed at the next start instead
        }
    }

    private static Path newFile(Path folder, String prefix, String suffix) {
        try {
            return POSIX ? Files.createTempFile(folder, prefix, suffix, PosixFilePermissions.asFileAttribute(OWNER_FILE))
                    : Files.createTempFile(folder, prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file in " + folder, e);
        }
    }

    private static Path ownerOnlyFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(absolute)) {
                FileAttribute<?>[] attributes = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIR)}
                        : new FileAttribute<?>[0];
                Files.createDirectories(absolute, attributes);
            }
            if (POSIX) {
                Files.setPosixFilePermissions(absolute, OWNER_DIR);
            }
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + absolute + " (set dialer.data.dir to a writable folder)", e);
        }
    }
}
