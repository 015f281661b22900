package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendialer.db.DatabaseSettings;
import org.opendialer.db.EmbeddedDatabase;

/**
 * The embedded H2 database belongs to the account that runs the dialer: owner-only folder and files, a
 * generated password for {@code sa}, and the server that lets other commands in while {@code serve} runs
 * listens on loopback only.
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path dir;

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aDatabaseMadeWithoutAPasswordGetsAGeneratedOneKeptInAnOwnerOnlyFile() throws Exception {
        Path folder = dir.resolve("data");
        Files.createDirectories(folder);
        String url = "jdbc:h2:file:" + folder.resolve("dialer") + DatabaseSettings.H2_MYSQL_OPTIONS;
        try (Connection old = DriverManager.getConnection(url, "sa", "")) {
            old.createStatement().execute("CREATE TABLE kept (id INT)");
        }

        String password = EmbeddedDatabase.password(folder, url);

        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(permissions(folder)).isEqualTo("rwx------");
        assertThat(permissions(folder.resolve(EmbeddedDatabase.PASSWORD_FILE))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(url, "sa", password)) {
            assertThat(c.createStatement().executeQuery("SELECT COUNT(*) FROM kept").next()).as("nothing lost").isTrue();
        }
        assertThat(EmbeddedDatabase.password(folder, url)).as("the same password on every start").isEqualTo(password);
    }

    @Test
    void serveOnTheEmbeddedDatabaseKeepsItsFilesPrivateAndItsServerOnLoopback() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("serve.log");
        Path work = Files.createDirectories(dir.resolve("work"));
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), "org.opendialer.service.cli.DialerCli", "serve",
                "--server.port=" + port, "--dialer.admin.password=" + Api.ADMIN_PASSWORD)
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove(DatabaseSettings.URL_KEY);
        env.remove(DatabaseSettings.USER_KEY);
        env.remove(DatabaseSettings.PASSWORD_KEY);
        Process serve = builder.start();
        try {
            new Api(port).awaitUp(serve, log, Duration.ofSeconds(180));
            Path data = work.resolve("data");

            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(data.resolve(EmbeddedDatabase.PASSWORD_FILE))).isEqualTo("rw-------");
            assertThat(permissions(data.resolve("dialer.mv.db"))).isEqualTo("rw-------");

            Properties lock = new Properties();
            try (Reader in = Files.newBufferedReader(data.resolve("dialer.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("where the lock file tells other processes to connect").matches("(127\\.0\\.0\\.1|localhost):\\d+");
            int h2Port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            assertThat(listeningAddresses(h2Port)).as("H2's server socket").isNotEmpty().containsOnly("127.0.0.1");

            String url = "jdbc:h2:file:" + data.resolve("dialer") + DatabaseSettings.H2_MYSQL_OPTIONS + ";AUTO_SERVER=TRUE";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).as("no password").isInstanceOf(SQLException.class);
            String password = Files.readString(data.resolve(EmbeddedDatabase.PASSWORD_FILE)).trim();
            try (Connection c = DriverManager.getConnection(url, "sa", password)) {
                assertThat(c.createStatement().executeQuery("SELECT COUNT(*) FROM users").next()).isTrue();
            }
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

    /** The local addresses listening on {@code port}, from the kernel's socket tables. */
    private static List<String> listeningAddresses(int port) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (Integer.parseInt(local[1], 16) == port && "0A".equals(f[3])) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    private static String address(String hex) {
        if (hex.length() == 32 && hex.startsWith("0000000000000000FFFF0000")) {
            return address(hex.substring(24)); // an IPv4 address on an IPv6 socket
        }
        byte[] b = HexFormat.of().parseHex(hex);
        if (b.length == 4) {
            return (b[3] & 0xff) + "." + (b[2] & 0xff) + "." + (b[1] & 0xff) + "." + (b[0] & 0xff);
        }
        return hex.equals("00000000000000000000000000000000") ? "::" : hex;
    }

}
