package org.opendialer.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded H2 database's secrets and files. The database belongs to the account that runs the dialer:
 * its folder is {@code rwx------}, its files {@code rw-------}, and user {@code sa} has a generated password
 * kept in {@code db-password} (owner-only) next to the database. A database made before it had a password
 * gets one the first time it is opened here. Elsewhere than on POSIX file systems the permissions are left
 * to the operating system.
 */
public final class EmbeddedDatabase {

    /** The file beside the database that holds the generated password of user {@code sa}. */
    public static final String PASSWORD_FILE = "db-password";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private EmbeddedDatabase() {
    }

    /**
     * The password of {@code sa} for the database at {@code url} whose files live in {@code folder}: read from
     * the password file, or generated (and set on a database that had none) when the file is missing.
     */
    public static String password(Path folder, String url) {
        try {
            Files.createDirectories(folder);
            ownerOnly(folder, OWNER_FOLDER);
            Path file = folder.resolve(PASSWORD_FILE);
            if (Files.exists(file)) {
                ownerOnly(file, OWNER_FILE);
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String password = generate();
            boolean existing = hasDatabaseFiles(folder);
            if (existing) {
                setPassword(url, password);
            }
            write(file, password);
            return password;
        } catch (IOException e) {
            throw new DatabaseStartupException("Cannot prepare the embedded database folder " + folder.toAbsolutePath()
                    + ": " + e.getMessage() + " (run the dialer from a folder it may write, or set " + DatabaseSettings.URL_KEY + ").", e);
        }
    }

    /** Makes every file of the database owner-only (H2 creates them with the process' default permissions). */
    public static void protectFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).forEach(f -> ownerOnly(f, OWNER_FILE));
        } catch (IOException e) {
            throw new DatabaseStartupException("Cannot protect the embedded database files in " + folder.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasDatabaseFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
        }
    }

    /** A database from before passwords: it still opens with the empty password, once, to get one. */
    private static void setPassword(String url, String password) {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement alter = c.prepareStatement("ALTER USER sa SET PASSWORD ?")) {
            alter.setString(1, password);
            alter.execute();
        } catch (SQLException e) {
            throw new DatabaseStartupException("The embedded database under " + url + " has a password but its "
                    + PASSWORD_FILE + " file is missing: restore the file, or move the old database away.", e);
        }
    }

    private static void write(Path file, String password) throws IOException {
        Path partial = file.resolveSibling(PASSWORD_FILE + ".new");
        Files.deleteIfExists(partial);
        if (posix()) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        Files.writeString(partial, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(partial, file);
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) {
        if (!posix()) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (IOException e) {
            throw new DatabaseStartupException("Cannot make " + path.toAbsolutePath() + " readable by its owner only: "
                    + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
