package org.opendialer.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendialer.db.DatabaseSettings;
import org.opendialer.db.Databases;
import org.opendialer.db.SchemaMigrator;

/**
 * A fresh, empty database for one test class: H2 in MySQL mode always, and MySQL/MariaDB when
 * {@code DIALER_TEST_MYSQL_URL} names a server (e.g. {@code jdbc:mysql://127.0.0.1:3306/test?user=root}).
 * On MySQL a new database with a random name is created and dropped again on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String MYSQL_URL_ENV = "DIALER_TEST_MYSQL_URL";
    private static final Pattern MYSQL_URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

    private final String kind;
    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final Runnable dropper;

    private TestDatabase(String kind, DatabaseSettings settings, Runnable dropper) {
        this.kind = kind;
        this.settings = settings;
        this.dataSource = Databases.open(settings, 8);
        this.dropper = dropper;
    }

    /** Every database kind this run tests against: H2, plus MySQL/MariaDB when configured. */
    public static List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("h2"));
        if (mysqlConfigured()) {
            kinds.add("mysql");
        }
        return kinds;
    }

    public static boolean mysqlConfigured() {
        String url = System.getenv(MYSQL_URL_ENV);
        return url != null && !url.isBlank();
    }

    public static TestDatabase create(String kind) {
        return switch (kind) {
            case "h2" -> h2();
            case "mysql" -> mysql();
            default -> throw new IllegalArgumentException("Unknown test database kind " + kind);
        };
    }

    /** A private in-memory H2 database that lives until {@link #close()}. */
    public static TestDatabase h2() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        String url = "jdbc:h2:mem:" + name + DatabaseSettings.H2_MYSQL_OPTIONS + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase("h2", new DatabaseSettings(url, "sa", ""), () -> {
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
        });
    }

    /** A new database on the server named by {@code DIALER_TEST_MYSQL_URL}, dropped on close. */
    public static TestDatabase mysql() {
        String base = System.getenv(MYSQL_URL_ENV);
        if (base == null || base.isBlank()) {
            throw new IllegalStateException(MYSQL_URL_ENV + " is not set");
        }
        Matcher m = MYSQL_URL.matcher(base.trim());
        if (!m.matches()) {
            throw new IllegalStateException(MYSQL_URL_ENV + " must look like jdbc:mysql://host:3306/db?user=root, not " + base);
        }
        String server = m.group(1);
        String query = m.group(3) == null ? "" : m.group(3);
        String name = "dialer_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String admin = server + "/" + query;
        execute(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        String sep = query.isEmpty() ? "?" : "&";
        String url = server + "/" + name + query + sep + "allowLoadLocalInfile=true&rewriteBatchedStatements=true";
        return new TestDatabase("mysql", new DatabaseSettings(url, null, null),
                () -> execute(admin, "DROP DATABASE IF EXISTS " + name));
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    /** Applies every migration; returns this for chaining. */
    public TestDatabase migrated() {
        new SchemaMigrator(dataSource).migrate();
        return this;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public String kind() {
        return kind;
    }

    @Override
    public String toString() {
        return kind;
    }

    @Override
    public void close() {
        dataSource.close();
        dropper.run();
    }
}
